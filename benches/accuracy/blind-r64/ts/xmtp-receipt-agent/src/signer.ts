import { IdentifierKind, type Signer } from "@xmtp/node-sdk";
import { fromString } from "uint8arrays";
import { toBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";

export function createSigner(privateKey: string): Signer {
  const account = privateKeyToAccount(privateKey as `0x${string}`);
  return {
    type: "EOA",
    getIdentifier: () => ({
      identifier: account.address.toLowerCase(),
      identifierKind: IdentifierKind.Ethereum,
    }),
    signMessage: async (message: string) => toBytes(await account.signMessage({ message })),
  };
}

export function encryptionKeyFromHex(hex: string): Uint8Array {
  return fromString(hex.replace(/^0x/, ""), "hex");
}
