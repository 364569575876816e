//! Heatmaps as RGBA pixels in the pages' diverging colour map: orange (class 0, or −1) … white
//! (½, or 0) … blue (class 1, or +1), at the background's 78 % strength — or, discretized, in
//! the two classes' colours only. With three or more classes, each cell takes the colour of its
//! most probable class, shaded by the confidence (white at 1/K, the background's strength at 1),
//! or at full strength when discretized. The same maps are in
//! www/js/views/colors.js for what JS draws (points, legends); an end-to-end test checks that a
//! heatmap painted here equals the one JS paints from the same outputs, pixel for pixel. Loss
//! surfaces are painted as filled contours in a sequential map of their own ([`contours`]), the
//! network diagram's units as tiles of one image ([`units`]).

pub mod contours;
pub mod units;

/// Class 0 / negative target, as r, g, b.
pub const ORANGE: [f64; 3] = [245.0, 147.0, 34.0];
/// Class 1 / positive target, as r, g, b.
pub const BLUE: [f64; 3] = [8.0, 119.0, 189.0];
const WHITE: [f64; 3] = [255.0, 255.0, 255.0];
/// The colour of each class of a classification with up to six classes: classes 0 and 1 as in
/// the binary map, then green, red, purple and brown.
pub const CLASS_COLORS: [[f64; 3]; 6] =
    [ORANGE, BLUE, [44.0, 160.0, 44.0], [214.0, 39.0, 40.0], [148.0, 103.0, 189.0], [140.0, 86.0, 75.0]];
/// How strongly a heatmap is coloured (the points on it use the full colour).
pub const BACKGROUND_STRENGTH: f64 = 0.78;

/// Entries of a colour table: entry i stands for t = i / 255.
const ENTRIES: usize = 256;

/// What a heatmap's values are, and so how they map onto the colour scale's [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Probabilities of class 1, already on [0, 1].
    Probability,
    /// Regression outputs on [−1, 1], mapped to (v + 1)/2.
    Regression,
    /// Unbounded values spread on both sides of 0: 0 maps to ½, the largest finite magnitude
    /// among the values painted together to 0 or 1.
    Spread,
}

/// The colour table of heatmaps: RGBA for t = i / 255, i = 0 … 255.
pub struct Palette([[u8; 4]; ENTRIES]);

impl Palette {
    /// The diverging map at the background's strength.
    pub fn background() -> Palette {
        Palette::diverging(BACKGROUND_STRENGTH)
    }

    /// Hard classes at the background's strength: every value below ½ (or 0) takes class 0's
    /// colour, the others (NaN, drawn at ½, among them) class 1's, as accuracy counts them.
    pub fn classes() -> Palette {
        Palette::with(|i| color_at(if i < ENTRIES / 2 { 0.0 } else { 1.0 }, BACKGROUND_STRENGTH))
    }

    /// The diverging map at `strength` (the network diagram's units: [`units::UNIT_STRENGTH`]).
    pub fn diverging(strength: f64) -> Palette {
        Palette::with(|i| color_at(i as f64 / 255.0, strength))
    }

    /// From white (0) to class `k`'s colour at `strength` (1): one output unit of K classes.
    pub fn class_ramp(k: usize, strength: f64) -> Palette {
        let color = CLASS_COLORS[k.min(CLASS_COLORS.len() - 1)];
        Palette::with(|i| [0, 1, 2].map(|c| WHITE[c] + (color[c] - WHITE[c]) * (i as f64 / 255.0) * strength))
    }

    /// The table whose entry i (standing for i / 255) has the colour `color(i)`.
    fn with(color: impl Fn(usize) -> [f64; 3]) -> Palette {
        let mut table = [[0; 4]; ENTRIES];
        for (i, entry) in table.iter_mut().enumerate() {
            let [r, g, b] = color(i);
            *entry = [clamped_byte(r), clamped_byte(g), clamped_byte(b), 255];
        }
        Palette(table)
    }

    /// Writes one RGBA pixel per value into `pixels` (4 bytes each, as long as `values` × 4).
    /// Values beyond the scale take its end colours; NaN takes the middle (white).
    #[inline(never)] // one copy for the boundary and the diagram's tiles
    pub fn paint(&self, values: &[f32], scale: Scale, pixels: &mut [u8]) {
        let spread = match scale {
            Scale::Spread => {
                let largest = values.iter().map(|v| v.abs()).filter(|v| v.is_finite()).fold(0.0f32, f32::max);
                if largest > 0.0 {
                    0.5 / largest as f64
                } else {
                    0.0
                }
            }
            _ => 0.0,
        };
        for (&v, pixel) in values.iter().zip(pixels.chunks_exact_mut(4)) {
            let v = v as f64;
            let t = match scale {
                Scale::Probability => v,
                Scale::Regression => (v + 1.0) / 2.0,
                Scale::Spread => 0.5 + v * spread,
            };
            let t = if t.is_nan() { 0.5 } else { t.clamp(0.0, 1.0) };
            pixel.copy_from_slice(&self.0[(t * 255.0 + 0.5) as usize]);
        }
    }
}

/// Writes one RGBA pixel per cell of K = `classes` probabilities each (`values` as long as cells ×
/// K) into `pixels`: the most probable class's colour (the first of equals), blended from white
/// by (p_max − 1/K)/(1 − 1/K) times the background's strength — or by the strength itself when
/// `discretize`. A cell with a NaN probability is white.
pub fn paint_classes(values: &[f32], classes: usize, discretize: bool, pixels: &mut [u8]) {
    let chance = 1.0 / classes as f64;
    for (cell, pixel) in values.chunks_exact(classes).zip(pixels.chunks_exact_mut(4)) {
        let best = (1..classes).fold(0, |best, k| if cell[k] > cell[best] { k } else { best });
        let p = cell[best] as f64;
        let confidence = if discretize { 1.0 } else { ((p - chance) / (1.0 - chance)).clamp(0.0, 1.0) };
        let amount = if cell.iter().any(|v| v.is_nan()) { 0.0 } else { confidence * BACKGROUND_STRENGTH };
        let color = CLASS_COLORS[best.min(CLASS_COLORS.len() - 1)];
        let [r, g, b] = [0, 1, 2].map(|c| clamped_byte(WHITE[c] + (color[c] - WHITE[c]) * amount));
        pixel.copy_from_slice(&[r, g, b, 255]);
    }
}

/// The colour for t in [0, 1] at `strength`: white blended toward orange below ½, blue above.
fn color_at(t: f64, strength: f64) -> [f64; 3] {
    let (toward, amount) = if t < 0.5 { (ORANGE, 1.0 - t * 2.0) } else { (BLUE, t * 2.0 - 1.0) };
    let amount = amount * strength;
    [0, 1, 2].map(|c| WHITE[c] + (toward[c] - WHITE[c]) * amount)
}

/// A channel value as a byte the way a `Uint8ClampedArray` stores it: clamped to 0 … 255 and
/// rounded to the nearest integer, ties to even.
fn clamped_byte(v: f64) -> u8 {
    let v = v.clamp(0.0, 255.0);
    let floor = v.floor();
    let rounded = match (v - floor).partial_cmp(&0.5) {
        Some(std::cmp::Ordering::Less) => floor,
        Some(std::cmp::Ordering::Greater) => floor + 1.0,
        _ if floor % 2.0 == 0.0 => floor,
        _ => floor + 1.0,
    };
    rounded as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_classes_take_the_colour_of_the_most_probable_shaded_by_confidence() {
        let cells = [0.9, 0.05, 0.05, 1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0, 0.0, 0.0, 1.0, 0.2, f32::NAN, 0.8];
        let (mut shaded, mut hard) = ([0; 16], [0; 16]);
        paint_classes(&cells, 3, false, &mut shaded);
        paint_classes(&cells, 3, true, &mut hard);
        let blend = |color: [f64; 3], amount: f64| [0, 1, 2].map(|c| clamped_byte(255.0 + (color[c] - 255.0) * amount));
        assert_eq!(shaded[..3], blend(ORANGE, 0.85 * BACKGROUND_STRENGTH));
        assert_eq!(shaded[4..7], [255, 255, 255], "a tie at 1/K is white");
        assert_eq!(shaded[8..11], blend(CLASS_COLORS[2], BACKGROUND_STRENGTH));
        assert_eq!(shaded[12..15], [255, 255, 255], "NaN is white");
        assert_eq!(hard[..3], blend(ORANGE, BACKGROUND_STRENGTH));
        assert_eq!(hard[8..11], shaded[8..11]);
    }

    #[test]
    fn the_ends_and_the_middle_of_the_map() {
        let palette = Palette::background();
        let mut pixels = [0; 16];
        palette.paint(&[0.0, 1.0, 0.5, f32::NAN], Scale::Probability, &mut pixels);
        let blend = |c: f64| clamped_byte(255.0 + (c - 255.0) * BACKGROUND_STRENGTH);
        assert_eq!(pixels[..4], [blend(ORANGE[0]), blend(ORANGE[1]), blend(ORANGE[2]), 255]);
        assert_eq!(pixels[4..8], [blend(BLUE[0]), blend(BLUE[1]), blend(BLUE[2]), 255]);
        assert!(pixels[8..11].iter().all(|&c| c >= 250), "½ is all but white (entry 128: a hair of blue)");
        assert_eq!(pixels[8..12], pixels[12..16], "NaN takes the middle colour");
    }

    #[test]
    fn regression_values_map_from_minus_one_to_one_and_clamp() {
        let palette = Palette::background();
        let (mut regression, mut probability) = ([0; 12], [0; 12]);
        palette.paint(&[-1.0, 1.0, 7.0], Scale::Regression, &mut regression);
        palette.paint(&[0.0, 1.0, 1.0], Scale::Probability, &mut probability);
        assert_eq!(regression, probability);
    }

    #[test]
    fn classes_take_the_end_colours_split_at_one_half() {
        let (background, classes) = (Palette::background(), Palette::classes());
        let (mut ends, mut split) = ([0; 8], [0; 24]);
        background.paint(&[0.0, 1.0], Scale::Probability, &mut ends);
        classes.paint(&[0.0, 0.4999, 0.5, 1.0, 7.0, f32::NAN], Scale::Probability, &mut split);
        let (orange, blue) = (&ends[..4], &ends[4..]);
        let pixels: Vec<&[u8]> = split.chunks(4).collect();
        assert_eq!(pixels, [orange, orange, blue, blue, blue, blue]);
        classes.paint(&[-0.001, 0.0], Scale::Regression, &mut split[..8]);
        assert_eq!(split[..8], ends, "regression outputs split at 0");
    }

    #[test]
    fn bytes_round_like_a_uint8_clamped_array() {
        assert_eq!([0.5, 1.5, 2.5, 2.6, -3.0, 300.0].map(clamped_byte), [0, 2, 2, 3, 0, 255]);
    }
}
