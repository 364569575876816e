//! Input normalization: per-feature standardization fitted on the training split only and then
//! applied to every input the network sees (train, test, and every point the page asks about).
//! It works on the features ([`crate::data::features`]), computed before it.

use crate::config::Normalize;
use crate::data::features::Feature;
use crate::math::Real;
use ndarray::{Array2, ArrayView2, Axis};

/// An affine map per feature, x ↦ (x − mean)/std; the identity when normalization is off.
#[derive(Debug, Clone, PartialEq)]
pub struct Standardizer {
    /// Per-feature mean μ subtracted.
    pub mean: Vec<f64>,
    /// Per-feature standard deviation σ divided by (1 where a feature is constant).
    pub std: Vec<f64>,
}

impl Standardizer {
    /// The identity map of `n` features.
    pub fn identity(n: usize) -> Standardizer {
        Standardizer { mean: vec![0.0; n], std: vec![1.0; n] }
    }

    /// Fits the map the config asks for on the training features (one column per feature).
    /// μ = (1/m) Σ x(i) and σ² = (1/m) Σ (x(i) − μ)², as in the lecture.
    pub fn fit(kind: Normalize, train: ArrayView2<f64>) -> Standardizer {
        let mut s = Standardizer::identity(train.ncols());
        if kind == Normalize::None || train.nrows() == 0 {
            return s;
        }
        for (f, column) in train.axis_iter(Axis(1)).enumerate() {
            let m = column.len() as f64;
            let mean = column.sum() / m;
            let var = column.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / m;
            s.mean[f] = mean;
            s.std[f] = if var > 0.0 { var.sqrt() } else { 1.0 };
        }
        s
    }

    /// Feature `f` of `features` at point `p`, normalized: (feature − μ_f)/σ_f.
    #[inline]
    pub fn feature(&self, features: &[Feature], p: [f64; 2], f: usize) -> f64 {
        let mut value = [0.0];
        self.feature_column(features, f, &[p], &mut value);
        value[0]
    }

    /// Feature `f` of `features` at each of `points`, normalized as [`Standardizer::feature`]
    /// does, into `out` (in its precision).
    pub fn feature_column<T: Real>(&self, features: &[Feature], f: usize, points: &[[f64; 2]], out: &mut [T]) {
        let (mean, std) = (self.mean[f], self.std[f]);
        features[f].column(points, out, |value| T::splat((value - mean) / std));
    }

    /// The normalized copy of a matrix of features.
    pub fn transform(&self, x: ArrayView2<f64>) -> Array2<f64> {
        let mut out = x.to_owned();
        for mut row in out.rows_mut() {
            for ((x, mean), std) in row.iter_mut().zip(&self.mean).zip(&self.std) {
                *x = (*x - mean) / std;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn standardized_training_features_have_zero_mean_unit_variance() {
        let train = array![[1.0, 100.0], [3.0, 300.0], [5.0, 200.0], [7.0, 400.0]];
        let s = Standardizer::fit(Normalize::Standardize, train.view());
        let t = s.transform(train.view());
        for column in t.axis_iter(Axis(1)) {
            let mean = column.sum() / 4.0;
            let var = column.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / 4.0;
            assert!(mean.abs() < 1e-12 && (var - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn constant_feature_and_none_leave_values_finite() {
        let train = array![[2.0, 1.0], [2.0, 3.0]];
        let s = Standardizer::fit(Normalize::Standardize, train.view());
        let features = [Feature::X1, Feature::X2];
        assert_eq!([0, 1].map(|f| s.feature(&features, [2.0, 2.0], f)), [0.0, 0.0]);
        assert_eq!(Standardizer::fit(Normalize::None, train.view()), Standardizer::identity(2));
    }
}
