import { createConfig } from "ponder";
import { http } from "viem";

import { MarketplaceAbi } from "./abis/MarketplaceAbi";

export default createConfig({
  networks: {
    mainnet: {
      chainId: 1,
      transport: http(process.env.PONDER_RPC_URL_1),
    },
  },
  contracts: {
    Marketplace: {
      abi: MarketplaceAbi,
      network: "mainnet",
      address: "0x00000000000000ADc04C56Bf30aC9d3c0aAF14dC",
      startBlock: 19_250_000,
    },
  },
});
