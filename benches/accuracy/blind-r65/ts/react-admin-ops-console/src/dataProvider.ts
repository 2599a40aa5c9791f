import { fetchUtils } from 'react-admin'
import simpleRestProvider from 'ra-data-simple-rest'

const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' })
  const token = localStorage.getItem('ops_token')
  if (token) headers.set('Authorization', `Bearer ${token}`)
  return fetchUtils.fetchJson(url, { ...options, headers })
}

// Built once when the bundle loads and handed to <Admin>.
export const dataProvider = simpleRestProvider('/api', httpClient)
