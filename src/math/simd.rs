//! The SIMD lanes: in wasm with simd128, two f64 or four f32 in a v128; elsewhere stand-ins
//! that are never used for data (`LANES` is false, and the maps do nothing).

pub use vector::*;

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod vector {
    use super::super::lanes::{Format, Lanes, Real, DOUBLE, SINGLE};
    use core::arch::wasm32::*;

    /// Lanes that load from and store to memory as one v128.
    pub trait Vector: Lanes {
        /// The register.
        fn from_v128(v: v128) -> Self;
        /// Back to the register.
        fn to_v128(self) -> v128;
    }

    /// The v128 lane types, written once: the arguments name one format's float and integer
    /// lane operations, its exponent bias and its mantissa's width.
    macro_rules! vector_lanes {
        ($name:ident, $format:expr, $splat:ident, $add:ident, $sub:ident, $mul:ident, $div:ident, $abs:ident,
         $pmin:ident, $pmax:ident, $ge:ident, $int_add:ident, $int_splat:ident, $shl:ident, $bias:expr, $shift:expr) => {
            impl Lanes for $name {
                const FORMAT: Format = $format;
                #[inline(always)]
                fn splat(v: f64) -> Self {
                    $name($splat(v as _))
                }
                #[inline(always)]
                fn add(self, o: Self) -> Self {
                    $name($add(self.0, o.0))
                }
                #[inline(always)]
                fn sub(self, o: Self) -> Self {
                    $name($sub(self.0, o.0))
                }
                #[inline(always)]
                fn mul(self, o: Self) -> Self {
                    $name($mul(self.0, o.0))
                }
                #[inline(always)]
                fn div(self, o: Self) -> Self {
                    $name($div(self.0, o.0))
                }
                #[inline(always)]
                fn abs(self) -> Self {
                    $name($abs(self.0))
                }
                #[inline(always)]
                fn clamp_to(self, lo: f64, hi: f64) -> Self {
                    // pmax(a, b) = a < b ? b : a and pmin(a, b) = b < a ? b : a: the scalar comparisons.
                    $name($pmin($pmax(self.0, $splat(lo as _)), $splat(hi as _)))
                }
                #[inline(always)]
                fn pow2_of_shifted(self) -> Self {
                    $name($shl($int_add(self.0, $int_splat($bias)), $shift))
                }
                #[inline(always)]
                fn select_nonnegative(z: Self, if_nonnegative: Self, otherwise: Self) -> Self {
                    $name(v128_bitselect(if_nonnegative.0, otherwise.0, $ge(z.0, $splat(0.0))))
                }
            }

            impl Vector for $name {
                #[inline(always)]
                fn from_v128(v: v128) -> Self {
                    $name(v)
                }
                #[inline(always)]
                fn to_v128(self) -> v128 {
                    self.0
                }
            }
        };
    }

    /// Two f64 lanes.
    #[derive(Clone, Copy)]
    pub struct Pair(v128);

    /// Four f32 lanes.
    #[derive(Clone, Copy)]
    pub struct Quad(v128);

    vector_lanes!(
        Pair,
        DOUBLE,
        f64x2_splat,
        f64x2_add,
        f64x2_sub,
        f64x2_mul,
        f64x2_div,
        f64x2_abs,
        f64x2_pmin,
        f64x2_pmax,
        f64x2_ge,
        i64x2_add,
        i64x2_splat,
        i64x2_shl,
        1023,
        52
    );
    vector_lanes!(
        Quad,
        SINGLE,
        f32x4_splat,
        f32x4_add,
        f32x4_sub,
        f32x4_mul,
        f32x4_div,
        f32x4_abs,
        f32x4_pmin,
        f32x4_pmax,
        f32x4_ge,
        i32x4_add,
        i32x4_splat,
        i32x4_shl,
        127,
        23
    );

    /// Whether the maps run on SIMD registers (then they do every element, the last register
    /// padded, and the functions need no scalar copy).
    pub const LANES: bool = true;

    /// Applies `f` to `z` into `a` (as far as the shorter one) two registers per iteration (two
    /// independent chains keep the pipeline busy).
    #[inline(always)]
    pub fn map_vectors<T: Real>(z: &[T], a: &mut [T], f: impl Fn(T::Simd) -> T::Simd) {
        // SAFETY: both slices hold at least the length given.
        unsafe { map_registers(z.as_ptr(), a.as_mut_ptr(), z.len().min(a.len()), f) }
    }

    /// [`map_vectors`] with `a` as its own input.
    #[inline(always)]
    pub fn map_vectors_in_place<T: Real>(a: &mut [T], f: impl Fn(T::Simd) -> T::Simd) {
        let at = a.as_mut_ptr();
        // SAFETY: `a` holds its length; each register is read before it is written.
        unsafe { map_registers(at, at, a.len(), f) }
    }

    /// The loop of [`map_vectors`] from `from` to `to` (which may be the same place) over `len`
    /// elements; both reads of an iteration come before its writes. The elements after the last
    /// whole pair of registers go through `f` in a zero-padded copy.
    ///
    /// # Safety
    /// `from` must be valid for reading and `to` for writing `len` elements (any alignment).
    #[inline(always)]
    unsafe fn map_registers<T: Real>(from: *const T, to: *mut T, len: usize, f: impl Fn(T::Simd) -> T::Simd) {
        let width = 16 / std::mem::size_of::<T>();
        let n = len / (2 * width) * (2 * width);
        for k in (0..n).step_by(2 * width) {
            // SAFETY: k + 2·width ≤ n ≤ len, and v128_load/v128_store accept any alignment.
            unsafe {
                let r0 = f(T::Simd::from_v128(v128_load(from.add(k) as *const v128)));
                let r1 = f(T::Simd::from_v128(v128_load(from.add(k + width) as *const v128)));
                v128_store(to.add(k) as *mut v128, r0.to_v128());
                v128_store(to.add(k + width) as *mut v128, r1.to_v128());
            }
        }
        let rest = len - n;
        if rest > 0 {
            let mut pair = [u64x2(0, 0); 2];
            let padded = pair.as_mut_ptr() as *mut T;
            // SAFETY: the rest (fewer than 2·width elements, 32 bytes) fits in `pair`, and lies
            // within `len` of both pointers.
            unsafe {
                copy_few(from.add(n), padded, rest);
                for register in &mut pair {
                    *register = f(T::Simd::from_v128(*register)).to_v128();
                }
                copy_few(padded as *const T, to.add(n), rest);
            }
        }
    }

    /// Copies `count` elements, fewer than 8, one at a time (a loop of a fixed number of steps,
    /// which LLVM does not turn into a copy of variable length: in wasm that is a call out of
    /// the module, which costs more than these few elements).
    ///
    /// # Safety
    /// `from` must be valid for reading and `to` for writing `count` elements.
    #[inline(always)]
    unsafe fn copy_few<T: Copy>(from: *const T, to: *mut T, count: usize) {
        for k in 0..8 {
            if k < count {
                // SAFETY: k < count.
                unsafe { *to.add(k) = *from.add(k) };
            }
        }
    }

    /// The sums of [`dot_block`](super::super::rows::dot_block) in registers of two samples:
    /// lane 0 sums the even samples and lane 1 the odd ones, each in order from −0; the last
    /// sample of an odd count then joins the even sum, and the two are added. Returns false (and
    /// does nothing) when a slice is shorter than d\[0\].
    #[inline(always)]
    pub fn paired_dot_block<const UNITS: usize, const ROWS: usize>(
        d: &[&[f64]; UNITS],
        rows: &[&[f64]; ROWS],
        sums: &mut [[f64; ROWS]; UNITS],
        d_sums: &mut [f64; UNITS],
    ) -> bool {
        let n = d[0].len();
        if d.iter().chain(rows).any(|slice| slice.len() < n) {
            return false;
        }
        // SAFETY (every load): s + 1 < n ≤ the slice's length, and v128_load takes any alignment.
        let load = |slice: &[f64], s: usize| unsafe { v128_load(slice.as_ptr().add(s) as *const v128) };
        let mut acc = [[f64x2_splat(-0.0); ROWS]; UNITS];
        let mut d_acc = [f64x2_splat(-0.0); UNITS];
        let pairs = n / 2 * 2;
        for s in (0..pairs).step_by(2) {
            let inputs: [v128; ROWS] = std::array::from_fn(|r| load(rows[r], s));
            for u in 0..UNITS {
                let deltas = load(d[u], s);
                d_acc[u] = f64x2_add(d_acc[u], deltas);
                for r in 0..ROWS {
                    acc[u][r] = f64x2_add(acc[u][r], f64x2_mul(deltas, inputs[r]));
                }
            }
        }
        let last = (pairs < n).then_some(n - 1);
        let finish = |pair: v128, last_term: Option<f64>| {
            let even = f64x2_extract_lane::<0>(pair);
            last_term.map_or(even, |term| even + term) + f64x2_extract_lane::<1>(pair)
        };
        for u in 0..UNITS {
            d_sums[u] = finish(d_acc[u], last.map(|s| d[u][s]));
            for r in 0..ROWS {
                sums[u][r] = finish(acc[u][r], last.map(|s| d[u][s] * rows[r][s]));
            }
        }
        true
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod vector {
    use super::super::lanes::{Lanes, Real};

    /// Where there is no SIMD every lane type qualifies: nothing is loaded as a vector.
    pub trait Vector: Lanes {}
    impl Vector for f64 {}
    impl Vector for f32 {}

    /// Stand-in for two f64 lanes: plain f64.
    pub type Pair = f64;
    /// Stand-in for four f32 lanes: plain f32.
    pub type Quad = f32;

    /// No SIMD here: the maps leave every element to the scalar loops.
    pub const LANES: bool = false;

    /// No SIMD here: never called (see [`LANES`]).
    #[inline(always)]
    pub fn map_vectors<T: Real>(_z: &[T], _a: &mut [T], _f: impl Fn(T::Simd) -> T::Simd) {}

    /// No SIMD here: never called (see [`LANES`]).
    #[inline(always)]
    pub fn map_vectors_in_place<T: Real>(_a: &mut [T], _f: impl Fn(T::Simd) -> T::Simd) {}

    /// No SIMD here: does nothing (returns false) and leaves the sums to the scalar loop.
    #[inline(always)]
    pub fn paired_dot_block<const UNITS: usize, const ROWS: usize>(
        _d: &[&[f64]; UNITS],
        _rows: &[&[f64]; ROWS],
        _sums: &mut [[f64; ROWS]; UNITS],
        _d_sums: &mut [f64; UNITS],
    ) -> bool {
        false
    }
}
