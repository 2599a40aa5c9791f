import { init } from '@neutralinojs/lib'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import App from './App'

init()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
