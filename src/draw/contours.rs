//! Loss surfaces as filled contours: the costs of a res × res grid, bilinearly interpolated at
//! every pixel of a square image, coloured by the log-spaced band they fall in with a sequential
//! map (dark navy for the lowest cost … pale yellow for the highest, apart from the orange and
//! blue of the classes), and a thin darker line wherever the band changes: the contour lines.

/// Number of bands.
pub const BAND_COUNT: usize = 14;
/// The lowest edge is at most this many decades below the highest.
const MAX_DECADES: i32 = 12;
/// The colour of a pixel whose cost is NaN.
const NO_COST: [u8; 4] = [200, 200, 200, 255];
/// Each band's colour, lowest cost first: the sequential map dark navy … teal … green … pale
/// yellow (stops (22, 36, 71), (33, 84, 128), (31, 128, 137), (70, 170, 124), (164, 212, 110),
/// (246, 240, 178), evenly spaced) at t = b / 13, rounded; then darkened to 72 % for a contour
/// line's pixels. (The tests derive the table from the stops.)
const BAND_COLORS: [[[u8; 4]; BAND_COUNT]; 2] = [
    [
        [22, 36, 71, 255],
        [26, 54, 93, 255],
        [30, 73, 115, 255],
        [33, 91, 129, 255],
        [32, 108, 133, 255],
        [31, 125, 136, 255],
        [43, 141, 133, 255],
        [58, 157, 128, 255],
        [77, 173, 123, 255],
        [113, 189, 118, 255],
        [150, 206, 112, 255],
        [183, 218, 126, 255],
        [214, 229, 152, 255],
        [246, 240, 178, 255],
    ],
    [
        [16, 26, 51, 255],
        [19, 39, 67, 255],
        [22, 53, 83, 255],
        [24, 66, 93, 255],
        [23, 78, 96, 255],
        [22, 90, 98, 255],
        [31, 102, 96, 255],
        [42, 113, 92, 255],
        [55, 125, 89, 255],
        [81, 136, 85, 255],
        [108, 148, 81, 255],
        [132, 157, 91, 255],
        [154, 165, 109, 255],
        [177, 173, 128, 255],
    ],
];

/// Log-spaced bands over a surface's positive finite costs: band b of the [`BAND_COUNT`] covers
/// [lo·(hi/lo)^(b/count), lo·(hi/lo)^((b+1)/count)).
#[derive(Debug, Clone, PartialEq)]
pub struct Levels {
    /// The lowest edge: the smallest positive cost, or 10⁻¹² of the largest if that is higher.
    pub lo: f64,
    /// The highest edge: the largest finite cost.
    pub hi: f64,
}

impl Levels {
    /// The bands of `values`, or None when none is positive and finite. A flat surface gets
    /// bands around its one value.
    pub fn of(values: &[f64]) -> Option<Levels> {
        let positive = values.iter().copied().filter(|v| *v > 0.0 && v.is_finite());
        let (lo, hi) = positive.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if hi <= 0.0 {
            return None;
        }
        let lo = lo.max(hi * 10f64.powi(-MAX_DECADES));
        let widen = 1.0 + 1e-6;
        let (lo, hi) = if hi < lo * widen { (lo / widen, hi * widen) } else { (lo, hi) };
        Some(Levels { lo, hi })
    }

    /// The lower edge of every band but the first, ascending.
    fn inner_edges(&self) -> [f64; BAND_COUNT - 1] {
        let ratio = libm::log(self.hi / self.lo);
        std::array::from_fn(|b| self.lo * libm::exp(ratio * (b + 1) as f64 / BAND_COUNT as f64))
    }
}

/// A pixel's band while the bands are being found: NaN's.
const NO_BAND: u8 = u8::MAX;

/// The band a cost falls in (`edges`: [`Levels::inner_edges`]), [`NO_BAND`] for NaN. Costs at or
/// below the lowest edge fall in the first band, those above the highest in the last.
fn band_of(v: f64, edges: &[f64]) -> u8 {
    if v.is_nan() {
        return NO_BAND;
    }
    edges.iter().take_while(|&&edge| edge <= v).count() as u8
}

/// Paints the res × res grid of costs `values` (row-major, first row at the top) stretched over a
/// `size` × `size` RGBA image `pixels` (size² × 4 bytes): each pixel's cost interpolated
/// bilinearly between the four nodes around its centre, in its band's colour, darker where the
/// band of the pixel to its right or below differs; grey where the cost is NaN. `res` ≥ 2.
pub fn paint_bands(values: &[f64], res: usize, size: usize, levels: &Levels, pixels: &mut [u8]) {
    let edges = levels.inner_edges();
    let grid_per_pixel = (res - 1) as f64 / size as f64;
    let cell = |p: usize| {
        let g = (p as f64 + 0.5) * grid_per_pixel;
        let i = (g.floor() as usize).min(res - 2);
        (i, g - i as f64)
    };
    // First each pixel's band, kept in its alpha byte until the colours are written.
    for (i, pixel) in pixels.chunks_exact_mut(4).enumerate() {
        let ((r, fy), (c, fx)) = (cell(i / size), cell(i % size));
        let node = |r: usize, c: usize| values[r * res + c];
        let upper = node(r, c) + (node(r, c + 1) - node(r, c)) * fx;
        let lower = node(r + 1, c) + (node(r + 1, c + 1) - node(r + 1, c)) * fx;
        pixel[3] = band_of(upper + (lower - upper) * fy, &edges);
    }
    // Then the colours, in order: a pixel's neighbours to the right and below still hold bands.
    for i in 0..size * size {
        let band = pixels[i * 4 + 3];
        let color = if band == NO_BAND {
            NO_COST
        } else {
            let right = if (i + 1) % size != 0 { pixels[i * 4 + 7] } else { band };
            let below = if i + size < size * size { pixels[(i + size) * 4 + 3] } else { band };
            let line = right != band || below != band;
            BAND_COLORS[line as usize][band as usize]
        };
        pixels[i * 4..i * 4 + 4].copy_from_slice(&color);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::clamped_byte;

    /// Stops of the sequential map, lowest cost first.
    const SEQUENTIAL: [[f64; 3]; 6] = [
        [22.0, 36.0, 71.0],
        [33.0, 84.0, 128.0],
        [31.0, 128.0, 137.0],
        [70.0, 170.0, 124.0],
        [164.0, 212.0, 110.0],
        [246.0, 240.0, 178.0],
    ];
    /// How much a contour line's pixel is darkened.
    const LINE_SHADE: f64 = 0.72;

    /// The colour of band `b` of `count`: the map at b / (count − 1), rounded, times `shade`.
    fn band_color(b: usize, count: usize, shade: f64) -> [u8; 4] {
        let x = b as f64 / (count - 1) as f64 * (SEQUENTIAL.len() - 1) as f64;
        let i = (x.floor() as usize).min(SEQUENTIAL.len() - 2);
        let (from, to) = (SEQUENTIAL[i], SEQUENTIAL[i + 1]);
        let [r, g, b] =
            [0, 1, 2].map(|c| clamped_byte(clamped_byte(from[c] + (to[c] - from[c]) * (x - i as f64)) as f64 * shade));
        [r, g, b, 255]
    }

    #[test]
    fn the_band_colours_are_the_sequential_map_at_each_band_and_darker_on_the_lines() {
        for (b, (plain, line)) in BAND_COLORS[0].iter().zip(&BAND_COLORS[1]).enumerate() {
            assert_eq!(*plain, band_color(b, BAND_COUNT, 1.0), "band {b}");
            assert_eq!(*line, band_color(b, BAND_COUNT, LINE_SHADE), "band {b}'s line");
        }
    }

    #[test]
    fn levels_span_the_positive_finite_costs_at_most_twelve_decades() {
        let levels = Levels::of(&[0.0, -1.0, f64::NAN, f64::INFINITY, 0.5, 8.0]).unwrap();
        assert_eq!((levels.lo, levels.hi), (0.5, 8.0));
        assert_eq!(Levels::of(&[1e-20, 1.0]).unwrap().lo, 1e-12);
        let flat = Levels::of(&[2.0, 2.0]).unwrap();
        assert!(flat.lo < 2.0 && flat.hi > 2.0 && flat.hi / flat.lo < 1.00001);
        assert_eq!(Levels::of(&[0.0, f64::NAN, -3.0]), None);
    }

    #[test]
    fn a_cost_falls_in_the_band_of_its_logarithm() {
        let levels = Levels { lo: 1.0, hi: 1e14 };
        let edges = levels.inner_edges();
        for (v, band) in [(0.1, 0), (1.0, 0), (9.99, 0), (10.0001, 1), (3e5, 5), (1e14, 13), (f64::INFINITY, 13)] {
            assert_eq!(band_of(v, &edges), band, "{v}");
        }
        assert_eq!(band_of(f64::NAN, &edges), NO_BAND);
    }

    #[test]
    fn bands_are_coloured_dark_to_pale_with_one_darker_line_at_each_edge() {
        // Costs rising from left to right through fourteen decades, alike in every row.
        let (res, size) = (101, 200);
        let values: Vec<f64> = (0..res * res).map(|i| 10f64.powf((i % res) as f64 * 0.14)).collect();
        let levels = Levels { lo: 1.0, hi: 1e14 };
        let mut pixels = vec![0; size * size * 4];
        paint_bands(&values, res, size, &levels, &mut pixels);
        let row = &pixels[..size * 4];
        assert!(pixels.chunks(size * 4).all(|r| r == row), "every row alike: the costs vary along x only");
        let [plain, line] = BAND_COLORS;
        let row: Vec<[u8; 4]> = row.chunks(4).map(|p| p.try_into().unwrap()).collect();
        assert_eq!((row[0], row[size - 1]), (plain[0], plain[BAND_COUNT - 1]), "from the first band to the last");
        assert_eq!((&row[0][..3], &row[size - 1][..3]), (&[22, 36, 71][..], &[246, 240, 178][..]), "dark to pale");
        let band = |p: &[u8; 4]| (0..BAND_COUNT).find(|&b| plain[b] == *p || line[b] == *p).expect("a band's colour");
        let bands: Vec<usize> = row.iter().map(band).collect();
        assert!(bands.windows(2).all(|w| w[1] == w[0] || w[1] == w[0] + 1), "every band in turn: {bands:?}");
        for x in 0..size - 1 {
            let edge = bands[x + 1] != bands[x];
            assert_eq!(row[x] == line[bands[x]], edge, "pixel {x}: darker exactly at a band's last pixel");
        }
    }

    #[test]
    fn a_nan_cost_is_grey_and_interpolation_spreads_it_to_its_cells() {
        let values = [1.0, 2.0, f64::NAN, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0];
        let levels = Levels::of(&values).unwrap();
        let mut pixels = vec![0; 4 * 4 * 4];
        paint_bands(&values, 3, 4, &levels, &mut pixels);
        let pixel = |x: usize, y: usize| &pixels[(y * 4 + x) * 4..(y * 4 + x + 1) * 4];
        assert_eq!(pixel(3, 0), NO_COST, "the top-right cell touches the NaN node");
        assert_ne!(pixel(0, 3), NO_COST, "the bottom-left cell does not");
    }
}
