//! The network and its parts: activations, the output unit with its loss, weight
//! initializations, batch normalization, the multilayer perceptron with its forward and backward passes, the weight
//! penalties of its cost, and the optimizers that update it with a learning-rate schedule.

pub mod activation;
pub mod batch_norm;
pub mod init;
pub mod loss;
pub mod network;
pub mod optim;
pub mod penalty;
pub mod schedule;
pub mod softmax;
