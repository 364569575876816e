//! Elementary functions for the hot loops, built from IEEE-754 addition, multiplication,
//! division and bit operations only: they give bit-identical results natively and in wasm.
//! Each is written once, generic over [`Lanes`]: plain `f64` and `f32`, and in wasm two `f64` or
//! four `f32` in a SIMD register, so the vector form runs the same operations in the same order
//! as the scalar one. Double precision keeps every term the accuracy of an f64 needs; single
//! precision (used only to draw) stops the series where an f32 stops resolving them and takes
//! tanh from a rational function. The formats and lane types are in `lanes`, the wasm SIMD
//! registers in `simd`.

mod chacha;
mod lanes;
pub mod rng;
mod rows;
mod simd;

pub use lanes::{Format, Lanes, Real};
pub use rows::{dot_block, paired_dot, set_weight_gradients, set_weighted_units, Strided, UnitWeights};

/// t = k·ln 2 + r with |r| ≤ ln2/2, for t in [exp_min, 40]: returns r and k + the format's
/// rounder (from which `pow2_of_shifted` makes 2^k).
#[inline(always)]
fn reduce_by_ln2<L: Lanes>(t: L) -> (L, L) {
    let c = L::splat;
    let format = L::FORMAT;
    let shifted = t.mul(c(std::f64::consts::LOG2_E)).add(c(format.rounder));
    let k = shifted.sub(c(format.rounder));
    (t.sub(k.mul(c(format.ln2_hi))).sub(k.mul(c(format.ln2_lo))), shifted)
}

/// e^t for t in [exp_min, 0]: e^r by its Taylor series (in Estrin's form, whose short
/// dependency chains pipeline well) to r¹³ in double precision and to r⁷ in single (the next
/// term is about 5·10⁻⁹), scaled by 2^k (see [`reduce_by_ln2`]).
#[inline(always)]
fn exp_in_range<L: Lanes>(t: L) -> L {
    let c = L::splat;
    let (r, shifted) = reduce_by_ln2(t);
    let pair = |a: f64, b: f64| c(a).add(r.mul(c(b)));
    let r2 = r.mul(r);
    let r4 = r2.mul(r2);
    let q0 = pair(1.0, 1.0).add(r2.mul(pair(1.0 / 2.0, 1.0 / 6.0)));
    let q1 = pair(1.0 / 24.0, 1.0 / 120.0).add(r2.mul(pair(1.0 / 720.0, 1.0 / 5_040.0)));
    let to_r7 = q0.add(r4.mul(q1));
    let p = if L::FORMAT.double {
        let r8 = r4.mul(r4);
        let q2 = pair(1.0 / 40_320.0, 1.0 / 362_880.0).add(r2.mul(pair(1.0 / 3_628_800.0, 1.0 / 39_916_800.0)));
        let q3 = pair(1.0 / 479_001_600.0, 1.0 / 6_227_020_800.0);
        to_r7.add(r8.mul(q2.add(r4.mul(q3))))
    } else {
        to_r7
    };
    p.mul(shifted.pow2_of_shifted())
}

/// e^t for t in [exp_min, 40] as a fraction 2^k·N/D, returned as (2^k·N, D), for the functions
/// that divide anyway (tanh, the logistic): e^r is its [6/6] Padé approximant N(r)/N(−r),
/// relative error below 10⁻¹⁸ for |r| ≤ ln2/2, so the division they already do is the only one
/// and the polynomial half as long as the Taylor series'. Its even and odd parts are taken in
/// Estrin's form (in r², r⁴), whose short dependency chains keep more of the map's iterations in
/// flight. Double precision only.
#[inline(always)]
fn exp_fraction<L: Lanes>(t: L) -> (L, L) {
    let c = L::splat;
    let (r, shifted) = reduce_by_ln2(t);
    let w = r.mul(r);
    let w2 = w.mul(w);
    let even = c(1.0).add(w.mul(c(5.0 / 44.0))).add(w2.mul(c(1.0 / 792.0).add(w.mul(c(1.0 / 665_280.0)))));
    let odd = r.mul(c(0.5).add(w.mul(c(1.0 / 66.0))).add(w2.mul(c(1.0 / 15_840.0))));
    (even.add(odd).mul(shifted.pow2_of_shifted()), even.sub(odd))
}

/// e^t for t ≤ 0 (positive t is treated as 0, t below the format's exp_min as exp_min);
/// relative error below 5·10⁻¹⁶ in double precision, a few f32 ulps in single.
#[inline(always)]
pub fn exp_nonpositive_lanes<L: Lanes>(t: L) -> L {
    exp_in_range(t.clamp_to(L::FORMAT.exp_min, 0.0))
}

/// tanh z: in double precision (1 − e)/(1 + e) with e = e^(−2z) = E/D (see `exp_fraction`),
/// computed as (D − E)/(D + E) for z clamped to ±20 (where tanh is ±1 to the last bit): one
/// form for either sign, with no |z| to take and no sign to restore; absolute error below
/// 3·10⁻¹⁶. In single precision a rational function, absolute error below 6·10⁻⁷.
#[inline(always)]
pub fn tanh_lanes<L: Lanes>(z: L) -> L {
    let saturation = L::FORMAT.tanh_saturation;
    if !L::FORMAT.double {
        return tanh_rational(z.clamp_to(-saturation, saturation));
    }
    let (e, d) = exp_fraction(L::splat(-2.0).mul(z.clamp_to(-saturation, saturation)));
    d.sub(e).div(d.add(e))
}

/// tanh x ≈ x·P(x²)/Q(x²) for |x| ≤ 7.8, P of degree 4 and Q of degree 3: coefficients fitted
/// for the least maximum error on [0, 7.8] (2.2·10⁻⁷ in exact arithmetic, 5.5·10⁻⁷ with f32
/// rounding; beyond 7.8, where tanh is within 3.4·10⁻⁷ of ±1, the value at 7.8). The interval ends
/// where the fraction stays within [−1, 1] without a clamp of the result (checked on every f32
/// from 5 up), and the form is odd in floating point too. Under half the operations of the
/// exp-based form, which single precision does not need.
#[inline(always)]
fn tanh_rational<L: Lanes>(x: L) -> L {
    let c = L::splat;
    let t = x.mul(x);
    let t2 = t.mul(t);
    let pair = |a: f64, b: f64| c(a).add(t.mul(c(b)));
    let p = pair(0.999_999_559, 0.127_326_571)
        .add(t2.mul(pair(2.717_498_29e-3, 7.325_479_07e-6)))
        .add(t2.mul(t2).mul(c(-6.443_762_58e-9)));
    let q = pair(1.0, 0.460_657_968).add(t2.mul(pair(2.293_908_39e-2, 1.994_918_12e-4)));
    x.mul(p).div(q)
}

/// The logistic function 1/(1 + e^−z), evaluated without overflow for any z: in double
/// precision from e^−|z| = E/D (see `exp_fraction`) as D/(D + E) for z ≥ 0 and E/(D + E)
/// below (relative error near 10⁻¹⁶ even in the tails), in single precision as ½ + ½·tanh(z/2)
/// (absolute error below 3·10⁻⁷).
#[inline(always)]
pub fn sigmoid_lanes<L: Lanes>(z: L) -> L {
    if !L::FORMAT.double {
        let half = L::splat(0.5);
        return half.add(half.mul(tanh_lanes(half.mul(z))));
    }
    let (e, d) = exp_fraction(L::splat(0.0).sub(z.abs()).clamp_to(L::FORMAT.exp_min, 0.0));
    L::select_nonnegative(z, d, e).div(d.add(e))
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
    log1p_of_unit_lanes(exp_negabs_lanes(z))
}

/// e^(−|z|), the first half of [`log1p_exp_negabs_lanes`].
#[inline(always)]
fn exp_negabs_lanes<L: Lanes>(z: L) -> L {
    exp_nonpositive_lanes(L::splat(0.0).sub(z.abs()))
}

/// ln(1 + e) for e in (0, 1], the second half of [`log1p_exp_negabs_lanes`].
#[inline(always)]
fn log1p_of_unit_lanes<L: Lanes>(e: L) -> L {
    let c = L::splat;
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

/// out\[i\] = ln(1 + e^(−|z\[i\]|)) for a whole slice (in wasm, with SIMD); in single precision (the
/// drawn surfaces' hot loop) in two passes, e^(−|z|) and then ln(1 + e): two dependency chains of
/// half the length, which the CPU overlaps better.
pub fn log1p_exp_negabs_slice<T: Real>(z: &[T], out: &mut [T]) {
    if T::FORMAT.double {
        return map_slice(z, out, log1p_exp_negabs_lanes::<T>, log1p_exp_negabs_lanes::<T::Simd>);
    }
    map_slice(z, out, exp_negabs_lanes::<T>, exp_negabs_lanes::<T::Simd>);
    if simd::LANES {
        simd::map_vectors_in_place(out, log1p_of_unit_lanes::<T::Simd>);
    } else {
        for e in out {
            *e = log1p_of_unit_lanes(*e);
        }
    }
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

/// a\[i\] = tanh(z\[i\]) for a whole slice (in wasm, with SIMD).
pub fn tanh_slice<T: Real>(z: &[T], a: &mut [T]) {
    map_slice(z, a, tanh_lanes::<T>, tanh_lanes::<T::Simd>);
}

/// a\[i\] = σ(z\[i\]) for a whole slice (in wasm, with SIMD).
pub fn sigmoid_slice<T: Real>(z: &[T], a: &mut [T]) {
    map_slice(z, a, sigmoid_lanes::<T>, sigmoid_lanes::<T::Simd>);
}

/// Applies a function lane-wise: with SIMD on registers (the last one padded), else scalar. The
/// two forms run the same operations in the same order, so the bits are the same.
#[inline(always)]
fn map_slice<T: Real>(z: &[T], a: &mut [T], scalar: impl Fn(T) -> T, vector: impl Fn(T::Simd) -> T::Simd) {
    if simd::LANES {
        simd::map_vectors(z, a, vector);
    } else {
        for (a, &z) in a.iter_mut().zip(z) {
            *a = scalar(z);
        }
    }
}

/// Σ aᵢ·bᵢ, summed in order.
#[inline]
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The Euclidean norm √(Σ vᵢ²).
pub fn norm(v: &[f64]) -> f64 {
    dot(v, v).sqrt()
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
        assert_eq!(exp_nonpositive_lanes(-1e6), exp_nonpositive_lanes(lanes::DOUBLE.exp_min));
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
            assert!(
                (v - reference).abs() < 3e-16 && ((v - reference) / reference).abs() < 1e-15,
                "{z}: {v} vs {reference}"
            );
        }
    }

    #[test]
    fn single_precision_kernels_are_accurate_to_a_few_f32_ulps() {
        let extremes = [100.0, -100.0, 1e30, -1e30, f32::INFINITY, f32::NEG_INFINITY];
        let z: Vec<f32> = sweep().map(|z| (z * 3.0) as f32).chain(extremes).collect();
        let mut out = vec![0.0f32; z.len()];
        tanh_slice(&z, &mut out);
        for (&z, &v) in z.iter().zip(&out) {
            assert!((v as f64 - libm::tanh(z as f64)).abs() < 6e-7 && v.abs() <= 1.0, "tanh {z}: {v}");
        }
        sigmoid_slice(&z, &mut out);
        for (&z, &v) in z.iter().zip(&out) {
            let reference = 1.0 / (1.0 + libm::exp(-z as f64));
            assert!((v as f64 - reference).abs() < 3e-7 && (0.0..=1.0).contains(&v), "sigmoid {z}: {v}");
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
    fn single_precision_tanh_stays_within_one_on_every_f32_near_saturation() {
        // Below 5, tanh is below 1 − 9·10⁻⁵ and the sweep above bounds the error far tighter;
        // beyond 7.8 the input is clamped.
        for bits in 5.0f32.to_bits()..=8.0f32.to_bits() {
            let x = f32::from_bits(bits);
            let v = tanh_lanes(x);
            assert!(v <= 1.0 && tanh_lanes(-x) == -v, "tanh {x}: {v}");
        }
    }

    #[test]
    fn nan_propagates() {
        assert!(tanh(f64::NAN).is_nan());
        assert!(sigmoid(f64::NAN).is_nan());
    }
}
