import { HardhatUserConfig } from "hardhat/config";
import "@nomicfoundation/hardhat-toolbox";
import "./tasks/snapshot";
import "./tasks/backfill";

const config: HardhatUserConfig = {
  solidity: "0.8.24",
  networks: {
    mainnet: { url: process.env.MAINNET_RPC_URL ?? "", accounts: [] },
    sepolia: { url: process.env.SEPOLIA_RPC_URL ?? "", accounts: [] },
  },
};

export default config;
