// The benchmark baseline: mini-batch SGD on an MLP stored as a graph of neuron and link objects,
// the design of TensorFlow Playground's JavaScript engine (tanh hidden units, sigmoid output,
// cross-entropy). Written for this benchmark only; the playground itself never uses it.

/** Builds layers of neurons `{ bias, links, z, a, delta, biasGrad }`, links `{ source, weight, grad }`. */
function buildNetwork(widths) {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  const layers = [];
  for (let l = 0; l < widths.length; l++) {
    const layer = [];
    for (let j = 0; j < widths[l]; j++) {
      const neuron = { bias: 0, links: [], outputs: [], z: 0, a: 0, delta: 0, biasGrad: 0 };
      if (l > 0) {
        for (const source of layers[l - 1]) {
          const link = { source, dest: neuron, weight: random(), grad: 0 };
          neuron.links.push(link);
          source.outputs.push(link);
        }
      }
      layer.push(neuron);
    }
    layers.push(layer);
  }
  return layers;
}

/** One epoch over `points` ([x, y, label] triples) in batches; returns nothing. */
export function trainNeuronGraph(points, widths, batchSize, learningRate, network = buildNetwork(widths)) {
  const last = network.length - 1;
  const n = points.length / 3;
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(start + batchSize, n);
    for (let s = start; s < end; s++) {
      network[0][0].a = points[3 * s];
      network[0][1].a = points[3 * s + 1];
      for (let l = 1; l <= last; l++) {
        for (const neuron of network[l]) {
          let z = neuron.bias;
          for (const link of neuron.links) z += link.weight * link.source.a;
          neuron.z = z;
          neuron.a = l === last ? 1 / (1 + Math.exp(-z)) : Math.tanh(z);
        }
      }
      const out = network[last][0];
      out.delta = out.a - points[3 * s + 2];
      for (let l = last; l >= 1; l--) {
        for (const neuron of network[l]) {
          if (l < last) {
            let back = 0;
            for (const link of neuron.outputs) back += link.weight * link.dest.delta;
            neuron.delta = back * (1 - neuron.a * neuron.a);
          }
          neuron.biasGrad += neuron.delta;
          for (const link of neuron.links) link.grad += neuron.delta * link.source.a;
        }
      }
    }
    const scale = learningRate / (end - start);
    for (let l = 1; l <= last; l++) {
      for (const neuron of network[l]) {
        neuron.bias -= scale * neuron.biasGrad;
        neuron.biasGrad = 0;
        for (const link of neuron.links) {
          link.weight -= scale * link.grad;
          link.grad = 0;
        }
      }
    }
  }
}
