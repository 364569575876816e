//! Elementary functions for the hot loops, built from IEEE-754 addition, multiplication,
//! division and bit operations only: they give bit-identical results natively and in wasm.
//! Each is written once, generic over [`Lanes`]: plain `f64` and `f32`, and in wasm two `f64` or
//! four `f32` in a SIMD register, so the vector form runs the same operations in the same order
//! as the scalar one. Double precision keeps every term the accuracy of an f64 needs; single
//! precision (used only to draw) stops the series where an f32 stops resolving them.

use std::ops::{Add, AddAssign, Mul, Sub};

/// The constants that depend on the floating-point format.
#[derive(Debug, Clone, Copy)]
pub struct Format {
    /// 1.5·2^(mantissa bits): adding it rounds a number of smaller magnitude to the nearest
    /// integer, which then sits in the low bits of the sum's mantissa.
    rounder: f64,
    /// ln 2 split in a high part with trailing zero bits (so k·ln2_hi is exact) and the rest.
    ln2_hi: f64,
    ln2_lo: f64,
    /// Below this, e^t is smaller than the smallest normal number: t is clamped here, so the
    /// functions return e^exp_min (≈ 3·10⁻³⁰⁸ in double precision, 1.6·10⁻³⁸ in single).
    exp_min: f64,
    /// tanh z rounds to ±1 above this (double precision: clamping there keeps e^(−2|z|) normal;
    /// single: the end of the rational approximation's interval).
    tanh_saturation: f64,
    /// Whether the series need the terms only double precision resolves.
    double: bool,
}

/// IEEE double precision.
const DOUBLE: Format = Format {
    rounder: 6_755_399_441_055_744.0,
    ln2_hi: f64::from_bits(0x3fe6_2e42_fee0_0000),
    ln2_lo: f64::from_bits(0x3dea_39ef_3579_3c76),
    exp_min: -708.0,
    tanh_saturation: 20.0,
    double: true,
};

/// IEEE single precision.
const SINGLE: Format = Format {
    rounder: 12_582_912.0,
    ln2_hi: 0.693_359_375,
    ln2_lo: -2.121_944_4e-4,
    exp_min: -87.0,
    tanh_saturation: 9.0,
    double: false,
};

/// The arithmetic the functions need, on one or more lanes of one format.
pub trait Lanes: Copy {
    /// The format of every lane.
    const FORMAT: Format;
    /// Every lane = v (rounded to the format).
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
    /// Lane-wise 2^k, where `shifted` = k + the format's rounder holds k in its low mantissa bits.
    fn pow2_of_shifted(self) -> Self;
    /// Lane-wise: the magnitude of self with the sign of `sign`.
    fn with_sign_of(self, sign: Self) -> Self;
    /// Lane-wise: `if_nonnegative` where `z` ≥ 0, `otherwise` elsewhere.
    fn select_nonnegative(z: Self, if_nonnegative: Self, otherwise: Self) -> Self;
}

/// A number type the network computes in: `f64` for training and every figure it reports,
/// `f32` for the grids that are only drawn. Ties the scalar type to its SIMD lanes.
pub trait Real:
    Lanes + PartialOrd + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + AddAssign + std::fmt::Debug + 'static
{
    /// Its SIMD lanes (where there is no SIMD, the scalar type itself).
    type Simd: simd::Vector;
    /// 0.
    const ZERO: Self;
    /// The value as an f64 (exact).
    fn to_f64(self) -> f64;
}

/// The scalar formats, written once: `$bits` is the integer type of the same width.
macro_rules! scalar_lanes {
    ($float:ty, $bits:ty, $format:expr, $simd:ty) => {
        impl Lanes for $float {
            const FORMAT: Format = $format;
            #[inline(always)]
            fn splat(v: f64) -> Self {
                v as $float
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
                <$float>::abs(self)
            }
            #[inline(always)]
            fn clamp_to(self, lo: f64, hi: f64) -> Self {
                // Comparisons, not clamp: that becomes a call in wasm.
                let (lo, hi) = (lo as $float, hi as $float);
                let above = if self < lo { lo } else { self };
                if hi < above {
                    hi
                } else {
                    above
                }
            }
            #[inline(always)]
            fn pow2_of_shifted(self) -> Self {
                const MANTISSA_BITS: u32 = <$float>::MANTISSA_DIGITS - 1;
                const BIAS: $bits = <$float>::MAX_EXP as $bits - 1;
                <$float>::from_bits(self.to_bits().wrapping_add(BIAS) << MANTISSA_BITS)
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

        impl Real for $float {
            type Simd = $simd;
            const ZERO: Self = 0.0;
            #[inline(always)]
            fn to_f64(self) -> f64 {
                self as f64
            }
        }
    };
}

scalar_lanes!(f64, u64, DOUBLE, simd::Pair);
scalar_lanes!(f32, u32, SINGLE, simd::Quad);

/// e^t for t in [exp_min, 0]: t = k·ln 2 + r with |r| ≤ ln2/2, e^r by its Taylor series (in
/// Estrin's form, whose short dependency chains pipeline well) to r¹³ in double precision and
/// to r⁷ in single (the next term is about 5·10⁻⁹), scaled by 2^k.
#[inline(always)]
fn exp_in_range<L: Lanes>(t: L) -> L {
    let c = L::splat;
    let format = L::FORMAT;
    let shifted = t.mul(c(std::f64::consts::LOG2_E)).add(c(format.rounder));
    let k = shifted.sub(c(format.rounder));
    let r = t.sub(k.mul(c(format.ln2_hi))).sub(k.mul(c(format.ln2_lo)));
    let pair = |a: f64, b: f64| c(a).add(r.mul(c(b)));
    let r2 = r.mul(r);
    let r4 = r2.mul(r2);
    let q0 = pair(1.0, 1.0).add(r2.mul(pair(1.0 / 2.0, 1.0 / 6.0)));
    let q1 = pair(1.0 / 24.0, 1.0 / 120.0).add(r2.mul(pair(1.0 / 720.0, 1.0 / 5_040.0)));
    let to_r7 = q0.add(r4.mul(q1));
    let p = if format.double {
        let r8 = r4.mul(r4);
        let q2 = pair(1.0 / 40_320.0, 1.0 / 362_880.0).add(r2.mul(pair(1.0 / 3_628_800.0, 1.0 / 39_916_800.0)));
        let q3 = pair(1.0 / 479_001_600.0, 1.0 / 6_227_020_800.0);
        to_r7.add(r8.mul(q2.add(r4.mul(q3))))
    } else {
        to_r7
    };
    p.mul(shifted.pow2_of_shifted())
}

/// e^t for t ≤ 0 (positive t is treated as 0, t below the format's exp_min as exp_min);
/// relative error below 5·10⁻¹⁶ in double precision, a few f32 ulps in single.
#[inline(always)]
pub fn exp_nonpositive_lanes<L: Lanes>(t: L) -> L {
    exp_in_range(t.clamp_to(L::FORMAT.exp_min, 0.0))
}

/// tanh z: in double precision sign(z)·(1 − e)/(1 + e) with e = e^(−2|z|), absolute error below
/// 3·10⁻¹⁶; in single precision a rational function, absolute error below 4·10⁻⁷.
#[inline(always)]
pub fn tanh_lanes<L: Lanes>(z: L) -> L {
    let saturation = L::FORMAT.tanh_saturation;
    if !L::FORMAT.double {
        return tanh_rational(z.clamp_to(-saturation, saturation));
    }
    let e = exp_in_range(L::splat(-2.0).mul(z.abs().clamp_to(0.0, saturation)));
    let one = L::splat(1.0);
    one.sub(e).div(one.add(e)).with_sign_of(z)
}

/// tanh x ≈ x·P(x²)/Q(x²) for |x| ≤ 9, P of degree 6 and Q of degree 3: coefficients fitted for
/// the least maximum error on [0, 9] (6·10⁻⁹ in exact arithmetic; f32 rounding brings it to
/// 4·10⁻⁷), and the result kept in [−1, 1]. Half the operations of the exp-based form, which
/// single precision does not need.
#[inline(always)]
fn tanh_rational<L: Lanes>(x: L) -> L {
    let c = L::splat;
    let t = x.mul(x);
    let t2 = t.mul(t);
    let pair = |a: f64, b: f64| c(a).add(t.mul(c(b)));
    let p_low = pair(0.999_999_969, 0.130_791_594).add(t2.mul(pair(3.098_647_99e-3, 1.110_171_7e-5)));
    let p_high = pair(-2.002_891_12e-8, 5.192_275_83e-11).add(t2.mul(c(-8.290_017_27e-14)));
    let p = p_low.add(t2.mul(t2).mul(p_high));
    let q = pair(1.0, 0.464_124_797).add(t2.mul(pair(2.447_374_05e-2, 2.538_589_55e-4)));
    x.mul(p).div(q).clamp_to(-1.0, 1.0)
}

/// The logistic function 1/(1 + e^−z), evaluated without overflow for any z: in double
/// precision from e^−|z| (relative error near 10⁻¹⁶ even in the tails), in single precision as
/// ½ + ½·tanh(z/2) (absolute error below 2·10⁻⁷).
#[inline(always)]
pub fn sigmoid_lanes<L: Lanes>(z: L) -> L {
    if !L::FORMAT.double {
        let half = L::splat(0.5);
        return half.add(half.mul(tanh_lanes(half.mul(z))));
    }
    let e = exp_nonpositive_lanes(L::splat(0.0).sub(z.abs()));
    let positive = L::splat(1.0).div(L::splat(1.0).add(e));
    L::select_nonnegative(z, positive, e.mul(positive))
}

/// ln(1 + e^(−|z|)), the smooth part of the cross-entropy written from the logit z: ln(1 + e)
/// for e = e^(−|z|) in (0, 1], as ln x' + (ln 2 if halved) with x' = 1 + e (halved when above
/// √2), and ln x' = 2·atanh(s) = 2s·Σ s²ᵏ/(2k+1), |s| ≤ 0.172, where s = (x'−1)/(x'+1) is
/// formed from e without the cancellation of 1 + e − 1: e/(e+2), or (e−1)/(e+3) when halved.
/// So the relative error stays small for tiny e too (a sample fitted with a large margin).
/// The series runs to s²⁰ in double precision (absolute error below 3·10⁻¹⁶) and to s⁸ in
/// single (the next term is below 10⁻⁹).
#[inline(always)]
pub fn log1p_exp_negabs_lanes<L: Lanes>(z: L) -> L {
    let c = L::splat;
    let e = exp_nonpositive_lanes(c(0.0).sub(z.abs()));
    let above = e.sub(c(std::f64::consts::SQRT_2 - 1.0));
    let numerator = L::select_nonnegative(above, e.sub(c(1.0)), e);
    let denominator = e.add(L::select_nonnegative(above, c(3.0), c(2.0)));
    let offset = L::select_nonnegative(above, c(std::f64::consts::LN_2), c(0.0));
    let s = numerator.div(denominator);
    let w = s.mul(s);
    let pair = |a: f64, b: f64| c(a).add(w.mul(c(b)));
    let w2 = w.mul(w);
    let w4 = w2.mul(w2);
    let q0 = pair(1.0, 1.0 / 3.0).add(w2.mul(pair(1.0 / 5.0, 1.0 / 7.0)));
    let series = if L::FORMAT.double {
        let w8 = w4.mul(w4);
        let q1 = pair(1.0 / 9.0, 1.0 / 11.0).add(w2.mul(pair(1.0 / 13.0, 1.0 / 15.0)));
        let q2 = pair(1.0 / 17.0, 1.0 / 19.0).add(w2.mul(c(1.0 / 21.0)));
        q0.add(w4.mul(q1)).add(w8.mul(q2))
    } else {
        q0.add(w4.mul(c(1.0 / 9.0)))
    };
    offset.add(c(2.0).mul(s).mul(series))
}

/// out[i] = ln(1 + e^(−|z[i]|)) for a whole slice (in wasm, with SIMD).
pub fn log1p_exp_negabs_slice<T: Real>(z: &[T], out: &mut [T]) {
    map_slice(z, out, log1p_exp_negabs_lanes::<T>, log1p_exp_negabs_lanes::<T::Simd>);
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

/// a[i] = tanh(z[i]) for a whole slice (in wasm, with SIMD).
pub fn tanh_slice<T: Real>(z: &[T], a: &mut [T]) {
    map_slice(z, a, tanh_lanes::<T>, tanh_lanes::<T::Simd>);
}

/// a[i] = σ(z[i]) for a whole slice (in wasm, with SIMD).
pub fn sigmoid_slice<T: Real>(z: &[T], a: &mut [T]) {
    map_slice(z, a, sigmoid_lanes::<T>, sigmoid_lanes::<T::Simd>);
}

/// Applies a function lane-wise: with SIMD on whole vectors, the rest (and everything natively)
/// scalar.
#[inline(always)]
fn map_slice<T: Real>(z: &[T], a: &mut [T], scalar: impl Fn(T) -> T, vector: impl Fn(T::Simd) -> T::Simd) {
    let done = simd::map_vectors(z, a, vector);
    for (a, &z) in a[done..].iter_mut().zip(&z[done..]) {
        *a = scalar(z);
    }
}

/// The SIMD lanes: in wasm with simd128, two f64 or four f32 in a v128; elsewhere stand-ins
/// that are never used for data (`map_vectors` does nothing).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use super::{Format, Lanes, Real, DOUBLE, SINGLE};
    use core::arch::wasm32::*;

    /// Lanes that load from and store to memory as one v128.
    pub trait Vector: Lanes {
        /// The register.
        fn from_v128(v: v128) -> Self;
        /// Back to the register.
        fn to_v128(self) -> v128;
    }

    /// The v128 lane types, written once: `$float`/`$int` name the lane operations of the
    /// float and integer interpretation, `$sign` is the sign bit of one lane.
    macro_rules! vector_lanes {
        ($name:ident, $format:expr, $splat:ident, $add:ident, $sub:ident, $mul:ident, $div:ident, $abs:ident,
         $pmin:ident, $pmax:ident, $ge:ident, $int_add:ident, $int_splat:ident, $shl:ident, $sign:expr, $bias:expr, $shift:expr) => {
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
                fn with_sign_of(self, sign: Self) -> Self {
                    $name(v128_or(v128_andnot(self.0, $sign), v128_and(sign.0, $sign)))
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

    vector_lanes!(Pair, DOUBLE, f64x2_splat, f64x2_add, f64x2_sub, f64x2_mul, f64x2_div, f64x2_abs, f64x2_pmin,
        f64x2_pmax, f64x2_ge, i64x2_add, i64x2_splat, i64x2_shl, u64x2(1 << 63, 1 << 63), 1023, 52);
    vector_lanes!(Quad, SINGLE, f32x4_splat, f32x4_add, f32x4_sub, f32x4_mul, f32x4_div, f32x4_abs, f32x4_pmin,
        f32x4_pmax, f32x4_ge, i32x4_add, i32x4_splat, i32x4_shl, u32x4_splat(1 << 31), 127, 23);

    /// Applies `f` to `z` into `a` two registers per iteration (two independent chains keep
    /// the pipeline busy); returns how many elements it did.
    #[inline(always)]
    pub fn map_vectors<T: Real>(z: &[T], a: &mut [T], f: impl Fn(T::Simd) -> T::Simd) -> usize {
        let width = 16 / std::mem::size_of::<T>();
        let n = z.len().min(a.len()) / (2 * width) * (2 * width);
        for k in (0..n).step_by(2 * width) {
            // SAFETY: k + 2·width ≤ n ≤ both lengths, and v128_load/v128_store accept any
            // alignment.
            unsafe {
                let r0 = f(T::Simd::from_v128(v128_load(z.as_ptr().add(k) as *const v128)));
                let r1 = f(T::Simd::from_v128(v128_load(z.as_ptr().add(k + width) as *const v128)));
                v128_store(a.as_mut_ptr().add(k) as *mut v128, r0.to_v128());
                v128_store(a.as_mut_ptr().add(k + width) as *mut v128, r1.to_v128());
            }
        }
        n
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod simd {
    use super::{Lanes, Real};

    /// Where there is no SIMD every lane type qualifies: nothing is loaded as a vector.
    pub trait Vector: Lanes {}
    impl Vector for f64 {}
    impl Vector for f32 {}

    /// Stand-in for two f64 lanes: plain f64.
    pub type Pair = f64;
    /// Stand-in for four f32 lanes: plain f32.
    pub type Quad = f32;

    /// No SIMD here: does nothing and leaves every element to the scalar loop.
    #[inline(always)]
    pub fn map_vectors<T: Real>(_z: &[T], _a: &mut [T], _f: impl Fn(T::Simd) -> T::Simd) -> usize {
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
            let (ours, reference) = (exp_nonpositive_lanes(t), libm::exp(t));
            assert!(((ours - reference) / reference).abs() < 5e-16, "e^{t}: {ours} vs {reference}");
        }
        assert_eq!(exp_nonpositive_lanes(0.0), 1.0);
        assert_eq!(exp_nonpositive_lanes(-1e6), exp_nonpositive_lanes(DOUBLE.exp_min));
        assert!(exp_nonpositive_lanes(f64::NEG_INFINITY) < 1e-307);
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
            assert!((v - reference).abs() < 3e-16 && ((v - reference) / reference).abs() < 1e-15, "{z}: {v} vs {reference}");
        }
    }

    #[test]
    fn single_precision_kernels_are_accurate_to_a_few_f32_ulps() {
        let extremes = [100.0, -100.0, 1e30, -1e30, f32::INFINITY, f32::NEG_INFINITY];
        let z: Vec<f32> = sweep().map(|z| (z * 3.0) as f32).chain(extremes).collect();
        let mut out = vec![0.0f32; z.len()];
        tanh_slice(&z, &mut out);
        for (&z, &v) in z.iter().zip(&out) {
            assert!((v as f64 - libm::tanh(z as f64)).abs() < 4e-7 && v.abs() <= 1.0, "tanh {z}: {v}");
        }
        sigmoid_slice(&z, &mut out);
        for (&z, &v) in z.iter().zip(&out) {
            let reference = 1.0 / (1.0 + libm::exp(-z as f64));
            assert!((v as f64 - reference).abs() < 2e-7 && (0.0..=1.0).contains(&v), "sigmoid {z}: {v}");
        }
        log1p_exp_negabs_slice(&z, &mut out);
        for (&z, &v) in z.iter().zip(&out) {
            // Relative accuracy down to where e^−|z| leaves the normal f32 range (|z| = 87).
            let reference = libm::log1p(libm::exp(-(z as f64).abs().min(87.0)));
            assert!(((v as f64 - reference) / reference).abs() < 1e-6, "ln(1 + e^-|{z}|): {v}");
        }
        for f in [tanh_lanes::<f32>, sigmoid_lanes, log1p_exp_negabs_lanes] {
            assert!(f(f32::NAN).is_nan());
        }
    }

    #[test]
    fn nan_propagates() {
        assert!(tanh(f64::NAN).is_nan());
        assert!(sigmoid(f64::NAN).is_nan());
    }
}
