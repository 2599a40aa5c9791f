import { withBlitz } from "src/blitz-client"
import type { AppProps } from "next/app"

function MyApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />
}

export default withBlitz(MyApp)
