//! Elementary functions for the hot loops, built from IEEE-754 addition, multiplication,
//! division and bit operations only: they give bit-identical results natively and in wasm, and
//! they vectorize (no calls, no branches the compiler cannot turn into selects).

/// 1.5·2⁵²: adding it rounds a double of magnitude < 2⁵¹ to the nearest integer, which then
/// sits in the low bits of the sum's mantissa.
const ROUNDER: f64 = 6_755_399_441_055_744.0;
/// ln 2 split in a high part with trailing zero bits (so k·LN2_HI is exact) and the rest.
const LN2_HI: f64 = 6.931_471_803_691_238_164_9e-1;
const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
/// Below this, e^t is smaller than the smallest normal double; the functions return 0.
const EXP_MIN: f64 = -708.0;

/// e^t for t ≤ 0 (positive t is treated as 0), relative error below 2·10⁻¹⁶.
/// t = k·ln 2 + r with |r| ≤ ln2/2, e^r by its Taylor series to r¹³, then scaled by 2^k.
#[inline(always)]
pub fn exp_nonpositive(t: f64) -> f64 {
    // clamp(t, EXP_MIN, 0) written with comparisons: f64::clamp/max become calls in wasm.
    let t = if t < EXP_MIN {
        EXP_MIN
    } else if t > 0.0 {
        0.0
    } else {
        t
    };
    let shifted = t * std::f64::consts::LOG2_E + ROUNDER;
    let k = shifted - ROUNDER;
    let r = (t - k * LN2_HI) - k * LN2_LO;
    // Horner form of Σ rⁿ/n!, n = 0..13.
    let mut p = 1.0 / 6_227_020_800.0;
    p = p * r + 1.0 / 479_001_600.0;
    p = p * r + 1.0 / 39_916_800.0;
    p = p * r + 1.0 / 3_628_800.0;
    p = p * r + 1.0 / 362_880.0;
    p = p * r + 1.0 / 40_320.0;
    p = p * r + 1.0 / 5_040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    p = p * r + 1.0;
    // 2^k from k + 1023 in the exponent field; k is in the low bits of `shifted`.
    let two_k = f64::from_bits(shifted.to_bits().wrapping_add(1023) << 52);
    p * two_k
}

/// tanh z = sign(z)·(1 − e)/(1 + e) with e = e^(−2|z|); absolute error below 3·10⁻¹⁶.
#[inline(always)]
pub fn tanh(z: f64) -> f64 {
    let e = exp_nonpositive(-2.0 * z.abs());
    ((1.0 - e) / (1.0 + e)).copysign(z)
}

/// The logistic function 1/(1 + e^−z), evaluated without overflow for any z.
#[inline(always)]
pub fn sigmoid(z: f64) -> f64 {
    let e = exp_nonpositive(-z.abs());
    let positive = 1.0 / (1.0 + e);
    if z >= 0.0 {
        positive
    } else {
        e * positive
    }
}

/// a[i] = tanh(z[i]) for a whole slice; in wasm two lanes at a time with SIMD, giving the same
/// bits as [`tanh`].
pub fn tanh_slice(z: &[f64], a: &mut [f64]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let done = simd::map_pairs(z, a, simd::tanh);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    let done = 0;
    for (a, &z) in a[done..].iter_mut().zip(&z[done..]) {
        *a = tanh(z);
    }
}

/// a[i] = σ(z[i]) for a whole slice; in wasm two lanes at a time with SIMD, giving the same bits
/// as [`sigmoid`].
pub fn sigmoid_slice(z: &[f64], a: &mut [f64]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let done = simd::map_pairs(z, a, simd::sigmoid);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    let done = 0;
    for (a, &z) in a[done..].iter_mut().zip(&z[done..]) {
        *a = sigmoid(z);
    }
}

/// The same functions on wasm's f64x2 lanes: the same operations in the same order as the
/// scalar forms, so each lane is bit-identical to them.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use super::{EXP_MIN, LN2_HI, LN2_LO, ROUNDER};
    use core::arch::wasm32::*;

    const SIGN: v128 = u64x2(1 << 63, 1 << 63);

    /// Applies `f` lane-wise to `z` into `a`; returns how many elements it did (a multiple of 4).
    #[inline(always)]
    pub fn map_pairs(z: &[f64], a: &mut [f64], f: impl Fn(v128) -> v128) -> usize {
        // Four lanes per iteration: two independent chains keep the multiplier busy.
        let n = z.len().min(a.len()) & !3;
        for k in (0..n).step_by(4) {
            // SAFETY: k + 3 < n ≤ both lengths, and v128_load/v128_store accept any alignment.
            unsafe {
                let r0 = f(v128_load(z.as_ptr().add(k) as *const v128));
                let r1 = f(v128_load(z.as_ptr().add(k + 2) as *const v128));
                v128_store(a.as_mut_ptr().add(k) as *mut v128, r0);
                v128_store(a.as_mut_ptr().add(k + 2) as *mut v128, r1);
            }
        }
        n
    }

    #[inline(always)]
    fn splat(v: f64) -> v128 {
        f64x2_splat(v)
    }

    /// Lane-wise [`super::exp_nonpositive`].
    #[inline(always)]
    fn exp_nonpositive(t: v128) -> v128 {
        // clamp(t, EXP_MIN, 0) with NaN passing through, as f64::clamp does.
        let t = f64x2_pmin(f64x2_pmax(t, splat(EXP_MIN)), splat(0.0));
        let shifted = f64x2_add(f64x2_mul(t, splat(std::f64::consts::LOG2_E)), splat(ROUNDER));
        let k = f64x2_sub(shifted, splat(ROUNDER));
        let r = f64x2_sub(f64x2_sub(t, f64x2_mul(k, splat(LN2_HI))), f64x2_mul(k, splat(LN2_LO)));
        let coefficients = [
            1.0 / 479_001_600.0,
            1.0 / 39_916_800.0,
            1.0 / 3_628_800.0,
            1.0 / 362_880.0,
            1.0 / 40_320.0,
            1.0 / 5_040.0,
            1.0 / 720.0,
            1.0 / 120.0,
            1.0 / 24.0,
            1.0 / 6.0,
            0.5,
            1.0,
            1.0,
        ];
        let mut p = splat(1.0 / 6_227_020_800.0);
        for c in coefficients {
            p = f64x2_add(f64x2_mul(p, r), splat(c));
        }
        let two_k = i64x2_shl(i64x2_add(shifted, i64x2_splat(1023)), 52);
        f64x2_mul(p, two_k)
    }

    /// Lane-wise [`super::tanh`].
    #[inline(always)]
    pub fn tanh(z: v128) -> v128 {
        let e = exp_nonpositive(f64x2_mul(splat(-2.0), f64x2_abs(z)));
        let magnitude = f64x2_div(f64x2_sub(splat(1.0), e), f64x2_add(splat(1.0), e));
        v128_or(v128_andnot(magnitude, SIGN), v128_and(z, SIGN))
    }

    /// Lane-wise [`super::sigmoid`].
    #[inline(always)]
    pub fn sigmoid(z: v128) -> v128 {
        let e = exp_nonpositive(f64x2_neg(f64x2_abs(z)));
        let positive = f64x2_div(splat(1.0), f64x2_add(splat(1.0), e));
        let negative = f64x2_mul(e, positive);
        v128_bitselect(positive, negative, f64x2_ge(z, splat(0.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sweep() -> impl Iterator<Item = f64> {
        (-200_000..=200_000).map(|i| i as f64 * 1e-4)
    }

    #[test]
    fn exp_matches_libm_to_two_ulps() {
        for t in sweep().map(|t| -t.abs() * 35.0) {
            let (ours, reference) = (exp_nonpositive(t), libm::exp(t));
            assert!(((ours - reference) / reference).abs() < 2.5e-16, "e^{t}: {ours} vs {reference}");
        }
        assert_eq!(exp_nonpositive(0.0), 1.0);
        assert_eq!(exp_nonpositive(-1e6), exp_nonpositive(EXP_MIN));
        assert!(exp_nonpositive(f64::NEG_INFINITY) < 1e-307);
    }

    #[test]
    fn tanh_and_sigmoid_match_libm() {
        for z in sweep() {
            assert!((tanh(z) - libm::tanh(z)).abs() < 3e-16, "tanh {z}");
            let reference = 1.0 / (1.0 + libm::exp(-z));
            assert!((sigmoid(z) - reference).abs() < 3e-16, "sigmoid {z}");
        }
        assert_eq!(tanh(1000.0), 1.0);
        assert_eq!(tanh(-1000.0), -1.0);
        assert!((0.0..1e-300).contains(&sigmoid(-1000.0)));
        assert_eq!(sigmoid(1000.0), 1.0);
    }

    #[test]
    fn slice_forms_give_the_same_bits_as_the_scalar_ones() {
        let z: Vec<f64> = sweep().step_by(97).chain([f64::NAN, -0.0, 0.0, 1e9, -1e9]).collect();
        let mut a = vec![0.0; z.len()];
        tanh_slice(&z, &mut a);
        assert!(z.iter().zip(&a).all(|(&z, &a)| a.to_bits() == tanh(z).to_bits()));
        sigmoid_slice(&z, &mut a);
        assert!(z.iter().zip(&a).all(|(&z, &a)| a.to_bits() == sigmoid(z).to_bits()));
    }

    #[test]
    fn nan_propagates() {
        assert!(tanh(f64::NAN).is_nan());
        assert!(sigmoid(f64::NAN).is_nan());
    }
}
