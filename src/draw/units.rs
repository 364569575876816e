//! The network diagram's heatmaps: every unit's output (or every input) over the plane as a
//! res × res tile of one image, the atlas, from which the page copies each node's tile. Each is
//! coloured the way the diagram reads it: σ units and the classes' probabilities on [0, 1], tanh
//! units and a regression output on [−1, 1], unbounded outputs (ReLU, leaky ReLU, linear) and
//! the inputs spread around 0 by their largest magnitude on the plane; an output unit of K ≥ 3
//! classes from white to its class's colour.

use super::{Palette, Scale};
use crate::nn::activation::Activation;
use crate::nn::loss::Loss;
use crate::nn::network::Network;

/// How strongly the diagram's tiles are coloured (stronger than the boundary's background: they
/// are small).
pub const UNIT_STRENGTH: f64 = 0.92;

/// The layout of `tiles` res × res tiles: rows of ⌈√tiles⌉, tile t at column t mod that, row
/// ⌊t / that⌋.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Atlas {
    /// Side of a tile, in pixels.
    pub res: usize,
    /// Tiles in the atlas.
    pub tiles: usize,
    /// Tiles per row.
    pub per_row: usize,
}

impl Atlas {
    /// The layout of `tiles` tiles of `res` × `res` pixels (at least one tile).
    pub fn new(tiles: usize, res: usize) -> Atlas {
        let tiles = tiles.max(1);
        let per_row = (1..=tiles).find(|k| k * k >= tiles).unwrap_or(tiles);
        Atlas { res, tiles, per_row }
    }

    /// Width and height of the atlas, in pixels.
    pub fn size(&self) -> (usize, usize) {
        (self.per_row * self.res, self.tiles.div_ceil(self.per_row) * self.res)
    }

    /// Paints tile t from `values[t·res² …]` (res² values a tile, row-major) with the palette and
    /// scale `colors(t)` into `pixels`, RGBA of the whole atlas ([`Atlas::size`]).
    pub fn paint<'p>(&self, values: &[f32], colors: impl Fn(usize) -> (&'p Palette, Scale), pixels: &mut [u8]) {
        let (res, n) = (self.res, self.res * self.res);
        let stride = self.per_row * res * 4;
        let mut tile = vec![0; n * 4];
        for (t, tile_values) in values.chunks_exact(n).take(self.tiles).enumerate() {
            let (palette, scale) = colors(t);
            palette.paint(tile_values, scale, &mut tile);
            let origin = (t / self.per_row) * res * stride + (t % self.per_row) * res * 4;
            for (row, source) in tile.chunks_exact(res * 4).enumerate() {
                pixels[origin + row * stride..][..res * 4].copy_from_slice(source);
            }
        }
    }
}

/// How a network's tiles are coloured: the diagram's reading of its hidden units and outputs,
/// the diverging map, and one ramp per class of a softmax output.
pub struct UnitPalettes {
    hidden_units: usize,
    activation: Activation,
    loss: Loss,
    diverging: Palette,
    classes: Vec<Palette>,
}

impl UnitPalettes {
    /// The colours `net`'s units take.
    pub fn of(net: &Network) -> UnitPalettes {
        let classes = match net.loss {
            Loss::Softmax { classes } => (0..classes).map(|k| Palette::class_ramp(k, UNIT_STRENGTH)).collect(),
            _ => Vec::new(),
        };
        UnitPalettes {
            hidden_units: net.layers[..net.layers.len() - 1].iter().map(|l| l.n_out).sum(),
            activation: net.activation,
            loss: net.loss,
            diverging: Palette::diverging(UNIT_STRENGTH),
            classes,
        }
    }

    /// The colours of unit `u`, counted over the hidden layers in order and then the output units
    /// (as `Session::unit_outputs` lays them out).
    pub fn unit(&self, u: usize) -> (&Palette, Scale) {
        if u < self.hidden_units {
            let scale = match self.activation {
                Activation::Sigmoid => Scale::Probability,
                Activation::Tanh => Scale::Regression,
                _ => Scale::Spread,
            };
            return (&self.diverging, scale);
        }
        match self.loss {
            Loss::Softmax { .. } => (&self.classes[u - self.hidden_units], Scale::Probability),
            Loss::CrossEntropy => (&self.diverging, Scale::Probability),
            Loss::HalfSquared => (&self.diverging, Scale::Regression),
        }
    }

    /// The colours of an input: spread around 0.
    pub fn input(&self) -> (&Palette, Scale) {
        (&self.diverging, Scale::Spread)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Dataset;
    use crate::config::{Config, Problem};

    #[test]
    fn atlases_are_about_square_and_hold_every_tile() {
        for (tiles, per_row, rows) in [(1, 1, 1), (2, 2, 1), (4, 2, 2), (5, 3, 2), (17, 5, 4), (2049, 46, 45)] {
            let atlas = Atlas::new(tiles, 10);
            assert_eq!((atlas.per_row, atlas.size()), (per_row, (per_row * 10, rows * 10)), "{tiles} tiles");
        }
    }

    #[test]
    fn each_tile_lands_at_its_place_in_its_own_colours() {
        let palette = Palette::diverging(UNIT_STRENGTH);
        let atlas = Atlas::new(3, 2);
        // Tile 0 all 0 (orange), tile 1 all 1 (blue), tile 2 spread: −4 orange … 2 in between.
        let values = [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, -4.0, 0.0, 2.0, 4.0];
        let (width, height) = atlas.size();
        let mut pixels = vec![0; width * height * 4];
        let scales = [Scale::Probability, Scale::Probability, Scale::Spread];
        atlas.paint(&values, |t| (&palette, scales[t]), &mut pixels);
        let pixel = |x: usize, y: usize| pixels[(y * width + x) * 4..][..4].to_vec();
        let colour = |t: f32| {
            let mut p = [0; 4];
            palette.paint(&[t], Scale::Probability, &mut p);
            p.to_vec()
        };
        assert_eq!((width, height), (4, 4));
        assert_eq!([pixel(0, 0), pixel(1, 1)], [colour(0.0), colour(0.0)], "tile 0 top left");
        assert_eq!([pixel(2, 0), pixel(3, 1)], [colour(1.0), colour(1.0)], "tile 1 to its right");
        assert_eq!(
            [pixel(0, 2), pixel(1, 2), pixel(0, 3), pixel(1, 3)],
            [colour(0.0), colour(0.5), colour(0.75), colour(1.0)]
        );
        assert_eq!(pixel(3, 3), [0, 0, 0, 0], "no fourth tile");
    }

    #[test]
    fn units_are_read_on_their_activations_range_and_the_outputs_on_the_problems() {
        let cases = [
            (Activation::Tanh, Problem::Classification, 1, [Scale::Regression, Scale::Probability]),
            (Activation::Sigmoid, Problem::Regression, 1, [Scale::Probability, Scale::Regression]),
            (Activation::Relu, Problem::Classification, 3, [Scale::Spread, Scale::Probability]),
        ];
        for (activation, problem, classes, [hidden, output]) in cases {
            let dataset = (classes > 1).then_some(Dataset::Gauss);
            let classes = classes.max(2);
            let config = Config { hidden: vec![2, 3], activation, problem, classes, dataset, ..Config::default() };
            let net = crate::session::Session::new(config).unwrap().network().clone();
            let palettes = UnitPalettes::of(&net);
            assert_eq!(palettes.unit(4).1, hidden, "{activation:?}: the second hidden layer's last unit");
            assert_eq!(palettes.unit(5).1, output, "{activation:?} {problem:?}: the first output unit");
        }
    }
}
