//! The number formats the kernels run in: each format's constants ([`Format`]), the lane
//! arithmetic the kernels are written against ([`Lanes`]), and the scalar types the network
//! computes in ([`Real`]), each tied to its SIMD lanes.

use super::simd;
use std::ops::{Add, AddAssign, Mul, Sub};

/// The constants that depend on the floating-point format.
#[derive(Debug, Clone, Copy)]
pub struct Format {
    /// 1.5·2^(mantissa bits): adding it rounds a number of smaller magnitude to the nearest
    /// integer, which then sits in the low bits of the sum's mantissa.
    pub(super) rounder: f64,
    /// ln 2 split in a high part with trailing zero bits (so k·ln2_hi is exact) and the rest.
    pub(super) ln2_hi: f64,
    pub(super) ln2_lo: f64,
    /// Below this, e^t is smaller than the smallest normal number: t is clamped here, so the
    /// functions return e^exp_min (≈ 3·10⁻³⁰⁸ in double precision, 1.6·10⁻³⁸ in single).
    pub(super) exp_min: f64,
    /// tanh z rounds to ±1 beyond ± this (double precision: clamping there keeps e^(−2z)
    /// between e^−40 and e^40, normal and far from overflow; single: the end of the rational
    /// approximation's interval).
    pub(super) tanh_saturation: f64,
    /// Whether the series need the terms only double precision resolves.
    pub(super) double: bool,
}

/// IEEE double precision.
pub(super) const DOUBLE: Format = Format {
    rounder: 6_755_399_441_055_744.0,
    ln2_hi: f64::from_bits(0x3fe6_2e42_fee0_0000),
    ln2_lo: f64::from_bits(0x3dea_39ef_3579_3c76),
    exp_min: -708.0,
    tanh_saturation: 20.0,
    double: true,
};

/// IEEE single precision.
pub(super) const SINGLE: Format = Format {
    rounder: 12_582_912.0,
    ln2_hi: 0.693_359_375,
    ln2_lo: -2.121_944_4e-4,
    exp_min: -87.0,
    tanh_saturation: 7.8,
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
    /// Lane-wise: `if_nonnegative` where `z` ≥ 0, `otherwise` elsewhere.
    fn select_nonnegative(z: Self, if_nonnegative: Self, otherwise: Self) -> Self;
}

/// A number type the network computes in: `f64` for training and every figure it reports,
/// `f32` for the grids that are only drawn. Ties the scalar type to its SIMD lanes.
pub trait Real:
    Lanes
    + PartialOrd
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + AddAssign
    + std::fmt::Debug
    + 'static
{
    /// Its SIMD lanes (where there is no SIMD, the scalar type itself).
    type Simd: simd::Vector;
    /// 0.
    const ZERO: Self;
    /// The value as an f64 (exact).
    fn to_f64(self) -> f64;
    /// Σ values in f64, in an order fixed by the format alone: double precision in order from
    /// the first (what training reports), single precision (only drawn) in four interleaved
    /// partial sums, which SIMD adds two at a time, then the rest in order.
    fn sum_in_f64(values: &[Self]) -> f64;
}

/// The scalar formats, written once: `$bits` is the integer type of the same width.
macro_rules! scalar_lanes {
    ($float:ty, $bits:ty, $format:expr, $simd:ty, $partial_sums:literal) => {
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
            #[inline]
            fn sum_in_f64(values: &[Self]) -> f64 {
                const PARTIAL_SUMS: usize = $partial_sums;
                if PARTIAL_SUMS == 1 {
                    return values.iter().map(|&v| v as f64).sum();
                }
                let mut sums = [0.0; PARTIAL_SUMS];
                let chunks = values.chunks_exact(PARTIAL_SUMS);
                let rest: f64 = chunks.remainder().iter().map(|&v| v as f64).sum();
                for chunk in chunks {
                    for (sum, &v) in sums.iter_mut().zip(chunk) {
                        *sum += v as f64;
                    }
                }
                sums.iter().sum::<f64>() + rest
            }
        }
    };
}

scalar_lanes!(f64, u64, DOUBLE, simd::Pair, 1);
scalar_lanes!(f32, u32, SINGLE, simd::Quad, 4);
