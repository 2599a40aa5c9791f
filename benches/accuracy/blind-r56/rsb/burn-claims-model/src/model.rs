//! Two-layer MLP predicting log claim cost.

use burn::config::Config;
use burn::module::Module;
use burn::nn::loss::{MseLoss, Reduction};
use burn::nn::{Linear, LinearConfig, Relu};
use burn::tensor::backend::{AutodiffBackend, Backend};
use burn::tensor::Tensor;
use burn::train::{RegressionOutput, TrainOutput, TrainStep, ValidStep};

use crate::data::{ClaimBatch, FEATURES};

#[derive(Module, Debug)]
pub struct CostModel<B: Backend> {
    hidden: Linear<B>,
    out: Linear<B>,
    act: Relu,
}

#[derive(Config, Debug)]
pub struct CostModelConfig {
    #[config(default = 64)]
    pub hidden_size: usize,
}

impl CostModelConfig {
    pub fn init<B: Backend>(&self, device: &B::Device) -> CostModel<B> {
        CostModel {
            hidden: LinearConfig::new(FEATURES, self.hidden_size).init(device),
            out: LinearConfig::new(self.hidden_size, 1).init(device),
            act: Relu::new(),
        }
    }
}

impl<B: Backend> CostModel<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let x = self.hidden.forward(x);
        let x = self.act.forward(x);
        self.out.forward(x)
    }

    pub fn forward_regression(&self, batch: ClaimBatch<B>) -> RegressionOutput<B> {
        let output = self.forward(batch.features);
        let loss = MseLoss::new().forward(output.clone(), batch.targets.clone(), Reduction::Mean);
        RegressionOutput::new(loss, output, batch.targets)
    }
}

impl<B: AutodiffBackend> TrainStep<ClaimBatch<B>, RegressionOutput<B>> for CostModel<B> {
    fn step(&self, batch: ClaimBatch<B>) -> TrainOutput<RegressionOutput<B>> {
        let item = self.forward_regression(batch);
        TrainOutput::new(self, item.loss.backward(), item)
    }
}

impl<B: Backend> ValidStep<ClaimBatch<B>, RegressionOutput<B>> for CostModel<B> {
    fn step(&self, batch: ClaimBatch<B>) -> RegressionOutput<B> {
        self.forward_regression(batch)
    }
}
