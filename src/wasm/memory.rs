//! Memory the module's playgrounds hold. WebAssembly memory grows but never shrinks, and at 4 GiB
//! an allocation traps, so the allocator counts the bytes in use and a new playground that would
//! take them past [`LIMIT`] is refused by name (its caller forgot `free()`).

use crate::error::{Code, Error, Result};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::prelude::*;

/// Most bytes in use after a new playground is built: half of what a 32-bit memory can hold,
/// leaving room for the calls' results and the allocator's own fragmentation.
pub const LIMIT: usize = 2 << 30;

/// The system allocator, counting the bytes in use.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only a counter is kept beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc_zeroed(layout);
        if !ptr.is_null() {
            IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = System.realloc(ptr, layout, new_size);
        if !moved.is_null() {
            IN_USE.fetch_add(new_size, Ordering::Relaxed);
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes allocated and not yet freed.
pub fn in_use() -> usize {
    IN_USE.load(Ordering::Relaxed)
}

/// Bytes the module's live objects hold (playgrounds until `free()`), for finding leaks.
#[wasm_bindgen(js_name = memoryInUse)]
pub fn memory_in_use() -> f64 {
    in_use() as f64
}

/// Keeps `value` (a new playground's session, already built) when the bytes in use stay within
/// [`LIMIT`]; otherwise drops it and says so.
pub fn within_limit<T>(value: T) -> Result<T> {
    let used = in_use();
    if used <= LIMIT {
        return Ok(value);
    }
    drop(value);
    Err(Error::new(Code::MemoryFull, "").with("used", used).with("limit", LIMIT))
}
