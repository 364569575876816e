//! Elementary functions for the hot loops, built from IEEE-754 addition, multiplication,
//! division and bit operations only: they give bit-identical results natively and in wasm.
//! Each is written once, generic over [`Lanes`]: plain `f64`, and in wasm a pair of `f64` in a
//! SIMD register, so the vector form runs the same operations in the same order as the scalar one.

/// 1.5·2⁵²: adding it rounds a double of magnitude < 2⁵¹ to the nearest integer, which then
/// sits in the low bits of the sum's mantissa.
const ROUNDER: f64 = 6_755_399_441_055_744.0;
/// ln 2 split in a high part with trailing zero bits (so k·LN2_HI is exact) and the rest.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
/// Below this, e^t is smaller than the smallest normal double; the functions return 0.
const EXP_MIN: f64 = -708.0;
/// tanh z rounds to ±1 for |z| above 19.06; clamping there keeps e^(−2|z|) normal.
const TANH_SATURATION: f64 = 20.0;

/// The arithmetic the functions need, on one or more f64 lanes.
pub trait Lanes: Copy {
    /// Every lane = v.
    fn splat(v: f64) -> Self;
    /// Lane-wise a + b.
    fn add(self, other: Self) -> Self;
    /// Lane-wise a − b.
    fn sub(self, other: Self) -> Self;
    /// Lane-wise a · b.
    fn mul(self, other: Self) -> Self;
    /// Lane-wise a / b.
    fn div(self, other: Self) -> Self;
    /// Lane-wise |a|.
    fn abs(self) -> Self;
    /// Lane-wise clamp to [lo, hi]; NaN stays NaN.
    fn clamp_to(self, lo: f64, hi: f64) -> Self;
    /// Lane-wise 2^k, where `shifted` = k + [`ROUNDER`] holds k in its low mantissa bits.
    fn pow2_of_shifted(self) -> Self;
    /// Lane-wise: the magnitude of self with the sign of `sign`.
    fn with_sign_of(self, sign: Self) -> Self;
    /// Lane-wise: `if_nonnegative` where `z` ≥ 0, `otherwise` elsewhere.
    fn select_nonnegative(z: Self, if_nonnegative: Self, otherwise: Self) -> Self;
}

impl Lanes for f64 {
    #[inline(always)]
    fn splat(v: f64) -> Self {
        v
    }
    #[inline(always)]
    fn add(self, other: Self) -> Self {
        self + other
    }
    #[inline(always)]
    fn sub(self, other: Self) -> Self {
        self - other
    }
    #[inline(always)]
    fn mul(self, other: Self) -> Self {
        self * other
    }
    #[inline(always)]
    fn div(self, other: Self) -> Self {
        self / other
    }
    #[inline(always)]
    fn abs(self) -> Self {
        f64::abs(self)
    }
    #[inline(always)]
    fn clamp_to(self, lo: f64, hi: f64) -> Self {
        // Comparisons, not f64::clamp: that becomes a call in wasm.
        let above = if self < lo { lo } else { self };
        if hi < above {
            hi
        } else {
            above
        }
    }
    #[inline(always)]
    fn pow2_of_shifted(self) -> Self {
        f64::from_bits(self.to_bits().wrapping_add(1023) << 52)
    }
    #[inline(always)]
    fn with_sign_of(self, sign: Self) -> Self {
        self.copysign(sign)
    }
    #[inline(always)]
    fn select_nonnegative(z: Self, if_nonnegative: Self, otherwise: Self) -> Self {
        if z >= 0.0 {
            if_nonnegative
        } else {
            otherwise
        }
    }
}

/// e^t for t in [EXP_MIN, 0]: t = k·ln 2 + r with |r| ≤ ln2/2, e^r by its Taylor series to r¹³
/// (in Estrin's form, whose short dependency chains pipeline well), scaled by 2^k.
#[inline(always)]
fn exp_in_range<L: Lanes>(t: L) -> L {
    let c = L::splat;
    let shifted = t.mul(c(std::f64::consts::LOG2_E)).add(c(ROUNDER));
    let k = shifted.sub(c(ROUNDER));
    let r = t.sub(k.mul(c(LN2_HI))).sub(k.mul(c(LN2_LO)));
    let pair = |a: f64, b: f64| c(a).add(r.mul(c(b)));
    let r2 = r.mul(r);
    let r4 = r2.mul(r2);
    let r8 = r4.mul(r4);
    let q0 = pair(1.0, 1.0).add(r2.mul(pair(1.0 / 2.0, 1.0 / 6.0)));
    let q1 = pair(1.0 / 24.0, 1.0 / 120.0).add(r2.mul(pair(1.0 / 720.0, 1.0 / 5_040.0)));
    let q2 = pair(1.0 / 40_320.0, 1.0 / 362_880.0).add(r2.mul(pair(1.0 / 3_628_800.0, 1.0 / 39_916_800.0)));
    let q3 = pair(1.0 / 479_001_600.0, 1.0 / 6_227_020_800.0);
    let p = q0.add(r4.mul(q1)).add(r8.mul(q2.add(r4.mul(q3))));
    p.mul(shifted.pow2_of_shifted())
}

/// e^t for t ≤ 0 (positive t is treated as 0), relative error below 5·10⁻¹⁶.
#[inline(always)]
pub fn exp_nonpositive_lanes<L: Lanes>(t: L) -> L {
    exp_in_range(t.clamp_to(EXP_MIN, 0.0))
}

/// tanh z = sign(z)·(1 − e)/(1 + e) with e = e^(−2|z|); absolute error below 3·10⁻¹⁶.
#[inline(always)]
pub fn tanh_lanes<L: Lanes>(z: L) -> L {
    let e = exp_in_range(L::splat(-2.0).mul(z.abs().clamp_to(0.0, TANH_SATURATION)));
    let one = L::splat(1.0);
    one.sub(e).div(one.add(e)).with_sign_of(z)
}

/// The logistic function 1/(1 + e^−z), evaluated without overflow for any z.
#[inline(always)]
pub fn sigmoid_lanes<L: Lanes>(z: L) -> L {
    let e = exp_nonpositive_lanes(L::splat(0.0).sub(z.abs()));
    let positive = L::splat(1.0).div(L::splat(1.0).add(e));
    L::select_nonnegative(z, positive, e.mul(positive))
}

/// ln(1 + e^(−|z|)), the smooth part of the cross-entropy written from the logit z: ln(1 + e)
/// for e = e^(−|z|) in (0, 1], as ln x' + (ln 2 if halved) with x' = 1 + e (halved when above
/// √2), and ln x' = 2·atanh(s) = 2s·Σ s²ᵏ/(2k+1), s = (x'−1)/(x'+1), |s| ≤ 0.172. Absolute
/// error below 3·10⁻¹⁶.
#[inline(always)]
pub fn log1p_exp_negabs_lanes<L: Lanes>(z: L) -> L {
    let c = L::splat;
    let x = c(1.0).add(exp_nonpositive_lanes(c(0.0).sub(z.abs())));
    let above = x.sub(c(std::f64::consts::SQRT_2));
    let reduced = L::select_nonnegative(above, x.mul(c(0.5)), x);
    let offset = L::select_nonnegative(above, c(std::f64::consts::LN_2), c(0.0));
    let s = reduced.sub(c(1.0)).div(reduced.add(c(1.0)));
    let w = s.mul(s);
    let pair = |a: f64, b: f64| c(a).add(w.mul(c(b)));
    let w2 = w.mul(w);
    let w4 = w2.mul(w2);
    let w8 = w4.mul(w4);
    let q0 = pair(1.0, 1.0 / 3.0).add(w2.mul(pair(1.0 / 5.0, 1.0 / 7.0)));
    let q1 = pair(1.0 / 9.0, 1.0 / 11.0).add(w2.mul(pair(1.0 / 13.0, 1.0 / 15.0)));
    let q2 = pair(1.0 / 17.0, 1.0 / 19.0).add(w2.mul(c(1.0 / 21.0)));
    let series = q0.add(w4.mul(q1)).add(w8.mul(q2));
    offset.add(c(2.0).mul(s).mul(series))
}

/// out[i] = ln(1 + e^(−|z[i]|)) for a whole slice (in wasm, four lanes at a time with SIMD).
pub fn log1p_exp_negabs_slice(z: &[f64], out: &mut [f64]) {
    map_slice(z, out, log1p_exp_negabs_lanes::<f64>, log1p_exp_negabs_lanes::<simd::Pair>);
}

/// e^t for t ≤ 0 (see [`exp_nonpositive_lanes`]).
#[inline(always)]
pub fn exp_nonpositive(t: f64) -> f64 {
    exp_nonpositive_lanes(t)
}

/// tanh z (see [`tanh_lanes`]).
#[inline(always)]
pub fn tanh(z: f64) -> f64 {
    tanh_lanes(z)
}

/// σ(z) (see [`sigmoid_lanes`]).
#[inline(always)]
pub fn sigmoid(z: f64) -> f64 {
    sigmoid_lanes(z)
}

/// a[i] = tanh(z[i]) for a whole slice (in wasm, four lanes at a time with SIMD).
pub fn tanh_slice(z: &[f64], a: &mut [f64]) {
    map_slice(z, a, tanh_lanes::<f64>, tanh_lanes::<simd::Pair>);
}

/// a[i] = σ(z[i]) for a whole slice (in wasm, four lanes at a time with SIMD).
pub fn sigmoid_slice(z: &[f64], a: &mut [f64]) {
    map_slice(z, a, sigmoid_lanes::<f64>, sigmoid_lanes::<simd::Pair>);
}

/// Applies a function lane-wise: with SIMD on pairs, the rest (and everything natively) scalar.
#[inline(always)]
fn map_slice(z: &[f64], a: &mut [f64], scalar: impl Fn(f64) -> f64, pairs: impl Fn(simd::Pair) -> simd::Pair) {
    let done = simd::map_pairs(z, a, pairs);
    for (a, &z) in a[done..].iter_mut().zip(&z[done..]) {
        *a = scalar(z);
    }
}

/// The SIMD lanes: in wasm with simd128 a pair of f64 in a v128; elsewhere a stand-in that is
/// never used for data (`map_pairs` does nothing).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use super::Lanes;
    use core::arch::wasm32::*;

    /// Two f64 lanes.
    #[derive(Clone, Copy)]
    pub struct Pair(v128);

    const SIGN: v128 = u64x2(1 << 63, 1 << 63);

    impl Lanes for Pair {
        #[inline(always)]
        fn splat(v: f64) -> Self {
            Pair(f64x2_splat(v))
        }
        #[inline(always)]
        fn add(self, o: Self) -> Self {
            Pair(f64x2_add(self.0, o.0))
        }
        #[inline(always)]
        fn sub(self, o: Self) -> Self {
            Pair(f64x2_sub(self.0, o.0))
        }
        #[inline(always)]
        fn mul(self, o: Self) -> Self {
            Pair(f64x2_mul(self.0, o.0))
        }
        #[inline(always)]
        fn div(self, o: Self) -> Self {
            Pair(f64x2_div(self.0, o.0))
        }
        #[inline(always)]
        fn abs(self) -> Self {
            Pair(f64x2_abs(self.0))
        }
        #[inline(always)]
        fn clamp_to(self, lo: f64, hi: f64) -> Self {
            // pmax(a, b) = a < b ? b : a and pmin(a, b) = b < a ? b : a: the scalar comparisons.
            Pair(f64x2_pmin(f64x2_pmax(self.0, f64x2_splat(lo)), f64x2_splat(hi)))
        }
        #[inline(always)]
        fn pow2_of_shifted(self) -> Self {
            Pair(i64x2_shl(i64x2_add(self.0, i64x2_splat(1023)), 52))
        }
        #[inline(always)]
        fn with_sign_of(self, sign: Self) -> Self {
            Pair(v128_or(v128_andnot(self.0, SIGN), v128_and(sign.0, SIGN)))
        }
        #[inline(always)]
        fn select_nonnegative(z: Self, if_nonnegative: Self, otherwise: Self) -> Self {
            Pair(v128_bitselect(if_nonnegative.0, otherwise.0, f64x2_ge(z.0, f64x2_splat(0.0))))
        }
    }

    /// Applies `f` to `z` into `a` four lanes per iteration (two independent pairs keep the
    /// pipeline busy); returns how many elements it did (a multiple of 4).
    #[inline(always)]
    pub fn map_pairs(z: &[f64], a: &mut [f64], f: impl Fn(Pair) -> Pair) -> usize {
        let n = z.len().min(a.len()) & !3;
        for k in (0..n).step_by(4) {
            // SAFETY: k + 3 < n ≤ both lengths, and v128_load/v128_store accept any alignment.
            unsafe {
                let r0 = f(Pair(v128_load(z.as_ptr().add(k) as *const v128)));
                let r1 = f(Pair(v128_load(z.as_ptr().add(k + 2) as *const v128)));
                v128_store(a.as_mut_ptr().add(k) as *mut v128, r0.0);
                v128_store(a.as_mut_ptr().add(k + 2) as *mut v128, r1.0);
            }
        }
        n
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod simd {
    /// Stand-in for the SIMD pair where there is no SIMD: plain f64.
    pub type Pair = f64;

    /// No SIMD here: does nothing and leaves every element to the scalar loop.
    #[inline(always)]
    pub fn map_pairs(_z: &[f64], _a: &mut [f64], _f: impl Fn(Pair) -> Pair) -> usize {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sweep() -> impl Iterator<Item = f64> {
        (-200_000..=200_000).map(|i| i as f64 * 1e-4)
    }

    #[test]
    fn exp_matches_libm_to_a_few_ulps() {
        for t in sweep().map(|t| -t.abs() * 35.0) {
            let (ours, reference) = (exp_nonpositive(t), libm::exp(t));
            assert!(((ours - reference) / reference).abs() < 5e-16, "e^{t}: {ours} vs {reference}");
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
    fn log1p_exp_negabs_matches_libm() {
        let z: Vec<f64> = sweep().map(|z| z * 4.0).collect();
        let mut out = vec![0.0; z.len()];
        log1p_exp_negabs_slice(&z, &mut out);
        for (&z, &v) in z.iter().zip(&out) {
            let reference = libm::log1p(libm::exp(-z.abs()));
            assert!((v - reference).abs() < 3e-16, "{z}: {v} vs {reference}");
        }
    }

    #[test]
    fn nan_propagates() {
        assert!(tanh(f64::NAN).is_nan());
        assert!(sigmoid(f64::NAN).is_nan());
    }
}
