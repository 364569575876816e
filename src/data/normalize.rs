//! Input normalization: per-feature standardization fitted on the training split only and then
//! applied to every input the network sees (train, test, and every point the page asks about).

use crate::config::Normalize;
use ndarray::{Array2, ArrayView2, Axis};

/// An affine map per feature, x ↦ (x − mean)/std; the identity when normalization is off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standardizer {
    /// Per-feature mean μ subtracted.
    pub mean: [f64; 2],
    /// Per-feature standard deviation σ divided by (1 where a feature is constant).
    pub std: [f64; 2],
}

impl Standardizer {
    /// The identity map.
    pub const IDENTITY: Standardizer = Standardizer { mean: [0.0, 0.0], std: [1.0, 1.0] };

    /// Fits the map the config asks for on the training features (rows of two).
    /// μ = (1/m) Σ x(i) and σ² = (1/m) Σ (x(i) − μ)², as in the lecture.
    pub fn fit(kind: Normalize, train: ArrayView2<f64>) -> Standardizer {
        if kind == Normalize::None || train.nrows() == 0 {
            return Standardizer::IDENTITY;
        }
        let mut s = Standardizer::IDENTITY;
        for (f, column) in train.axis_iter(Axis(1)).enumerate() {
            let m = column.len() as f64;
            let mean = column.sum() / m;
            let var = column.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / m;
            s.mean[f] = mean;
            s.std[f] = if var > 0.0 { var.sqrt() } else { 1.0 };
        }
        s
    }

    /// The normalized copy of two features.
    #[inline]
    pub fn apply(&self, x: [f64; 2]) -> [f64; 2] {
        [(x[0] - self.mean[0]) / self.std[0], (x[1] - self.mean[1]) / self.std[1]]
    }

    /// The normalized copy of a matrix of features.
    pub fn transform(&self, x: ArrayView2<f64>) -> Array2<f64> {
        let mut out = x.to_owned();
        for mut row in out.rows_mut() {
            let [a, b] = self.apply([row[0], row[1]]);
            row[0] = a;
            row[1] = b;
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
        assert_eq!(s.apply([2.0, 2.0]), [0.0, 0.0]);
        assert_eq!(Standardizer::fit(Normalize::None, train.view()), Standardizer::IDENTITY);
    }
}
