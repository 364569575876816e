//! The optimizer's path: parameter snapshots taken during training, thinned to a fixed memory
//! budget (when full, every other snapshot is dropped and recording slows down by half).

/// Most floats the snapshots may hold.
const SNAPSHOT_FLOATS: usize = 2_000_000;
/// Fewest and most snapshots kept.
const SNAPSHOTS_RANGE: (usize, usize) = (16, 2048);

/// Snapshots of the parameter vector at steps 0, s, 2s, … (s = the current stride).
#[derive(Debug, Clone, PartialEq)]
pub struct Trajectory {
    n_params: usize,
    capacity: usize,
    stride: u64,
    data: Vec<f64>,
    steps: Vec<u64>,
}

impl Trajectory {
    /// A trajectory starting at the initial parameters (step 0). Its storage is reserved here,
    /// so recording never allocates.
    pub fn new(initial: &[f64]) -> Trajectory {
        let n_params = initial.len().max(1);
        let capacity = (SNAPSHOT_FLOATS / n_params).clamp(SNAPSHOTS_RANGE.0, SNAPSHOTS_RANGE.1) & !1;
        let mut data = Vec::with_capacity(capacity * n_params);
        data.extend_from_slice(initial);
        let mut steps = Vec::with_capacity(capacity);
        steps.push(0);
        Trajectory { n_params: initial.len(), capacity, stride: 1, data, steps }
    }

    /// Records `params` as the state after update `step` when the stride says so.
    pub fn record(&mut self, step: u64, params: &[f64]) {
        if step % self.stride != 0 {
            return;
        }
        if self.steps.len() == self.capacity {
            self.thin();
            if step % self.stride != 0 {
                return;
            }
        }
        self.data.extend_from_slice(params);
        self.steps.push(step);
    }

    /// Keeps snapshots 0, 2, 4, … and doubles the stride.
    fn thin(&mut self) {
        keep_even_records(&mut self.data, self.n_params);
        keep_even_records(&mut self.steps, 1);
        self.stride *= 2;
    }

    /// Number of snapshots.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// True when there is no snapshot (never: the initial point is always kept).
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Snapshot `k`.
    pub fn snapshot(&self, k: usize) -> &[f64] {
        &self.data[k * self.n_params..(k + 1) * self.n_params]
    }

    /// The snapshots in order, the initial parameters first.
    pub fn snapshots(&self) -> impl Iterator<Item = &[f64]> {
        self.data.chunks_exact(self.n_params.max(1)).take(self.len())
    }

    /// Update count at which each snapshot was taken.
    pub fn steps(&self) -> &[u64] {
        &self.steps
    }
}

/// Keeps records 0, 2, 4, … of `items`, a sequence of records of `width` items each, in place
/// (no allocation).
pub(crate) fn keep_even_records<T: Copy>(items: &mut Vec<T>, width: usize) {
    let kept = (items.len() / width).div_ceil(2);
    for k in 1..kept {
        items.copy_within(2 * k * width..(2 * k + 1) * width, k * width);
    }
    items.truncate(kept * width);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thinning_keeps_evenly_spaced_snapshots_within_capacity() {
        let mut t = Trajectory::new(&[0.0; 1000]);
        let capacity = t.capacity;
        for step in 1..=10_000u64 {
            t.record(step, &[step as f64; 1000]);
        }
        assert!(t.len() <= capacity && t.len() > capacity / 4);
        let stride = t.steps()[1];
        for (k, &s) in t.steps().iter().enumerate() {
            assert_eq!(s, k as u64 * stride);
            assert_eq!(t.snapshot(k)[0], s as f64);
        }
        assert_eq!(t.data.capacity(), capacity * 1000, "never reallocated");
    }
}
