//! The network's inputs computed from a point (x₁, x₂) in data coordinates (after the
//! distortion), as TensorFlow Playground offers them: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂.
//! The features are computed first; the standardization ([`crate::data::normalize`]) is then
//! fitted on the training split's features and applied to every input.

use crate::config::Choice;
use ndarray::{Array2, ArrayView2};

crate::config::choices! {
    /// One input feature of a point (x₁, x₂).
    pub enum Feature {
        /// x₁.
        X1 = "x1",
        /// x₂.
        X2 = "x2",
        /// x₁².
        X1Squared = "x1Squared",
        /// x₂².
        X2Squared = "x2Squared",
        /// x₁·x₂.
        X1X2 = "x1x2",
        /// sin x₁.
        SinX1 = "sinX1",
        /// sin x₂.
        SinX2 = "sinX2",
    }
}

/// The number of features there are: the most inputs a network may have.
pub const MAX_FEATURES: usize = 7;

/// The inputs of one point: the first `n` entries are its features, in the config's order.
pub type FeatureRow = [f64; MAX_FEATURES];

impl Feature {
    /// The feature's value at the point (x₁, x₂).
    #[inline]
    pub fn of(self, p: [f64; 2]) -> f64 {
        let mut value = [0.0];
        self.column(&[p], &mut value, |v| v);
        value[0]
    }

    /// out\[k\] = `transform`(the feature at points\[k\]) for every point, the feature's formula
    /// chosen once for the whole column rather than per point (so the loop vectorizes).
    #[inline(always)]
    pub fn column<T>(self, points: &[[f64; 2]], out: &mut [T], transform: impl Fn(f64) -> T) {
        #[inline(always)]
        fn fill<T>(
            points: &[[f64; 2]],
            out: &mut [T],
            formula: impl Fn(f64, f64) -> f64,
            transform: impl Fn(f64) -> T,
        ) {
            for (out, &[x1, x2]) in out.iter_mut().zip(points) {
                *out = transform(formula(x1, x2));
            }
        }
        match self {
            Feature::X1 => fill(points, out, |x1, _| x1, transform),
            Feature::X2 => fill(points, out, |_, x2| x2, transform),
            Feature::X1Squared => fill(points, out, |x1, _| x1 * x1, transform),
            Feature::X2Squared => fill(points, out, |_, x2| x2 * x2, transform),
            Feature::X1X2 => fill(points, out, |x1, x2| x1 * x2, transform),
            Feature::SinX1 => fill(points, out, |x1, _| libm::sin(x1), transform),
            Feature::SinX2 => fill(points, out, |_, x2| libm::sin(x2), transform),
        }
    }
}

/// The default features: the point's own coordinates.
pub fn coordinates() -> Vec<Feature> {
    vec![Feature::X1, Feature::X2]
}

/// The features as a set: each once, in the order of [`Feature::NAMES`].
pub fn canonical(features: Vec<Feature>) -> Vec<Feature> {
    Feature::ALL.iter().copied().filter(|f| features.contains(f)).collect()
}

/// The features of every row (x₁, x₂) of `points`: one column per feature.
pub fn matrix(features: &[Feature], points: ArrayView2<f64>) -> Array2<f64> {
    let mut out = Array2::zeros((points.nrows(), features.len()));
    for (mut target, point) in out.rows_mut().into_iter().zip(points.rows()) {
        for (value, feature) in target.iter_mut().zip(features) {
            *value = feature.of([point[0], point[1]]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn every_feature_of_a_point() {
        let p = [2.0, -3.0];
        let values: Vec<f64> = Feature::ALL.iter().map(|f| f.of(p)).collect();
        assert_eq!(values[..5], [2.0, -3.0, 4.0, 9.0, -6.0]);
        assert_eq!(values[5], libm::sin(2.0));
        assert_eq!(values[6], libm::sin(-3.0));
        assert_eq!(Feature::ALL.len(), MAX_FEATURES);
    }

    #[test]
    fn a_set_in_canonical_order() {
        let set = canonical(vec![Feature::SinX1, Feature::X1, Feature::SinX1, Feature::X1Squared]);
        assert_eq!(set, [Feature::X1, Feature::X1Squared, Feature::SinX1]);
    }

    #[test]
    fn a_matrix_has_a_column_per_feature() {
        let features = [Feature::X2, Feature::X1X2];
        let m = matrix(&features, array![[1.0, 2.0], [3.0, -1.0]].view());
        assert_eq!(m, array![[2.0, 2.0], [-1.0, -3.0]]);
    }
}
