import Store from 'electron-store'

export type Profile = {
  id: string
  label: string
  host: string
  port: number
  database: string
  user: string
  password: string
  ssl: boolean
}

const store = new Store<{ profiles: Profile[] }>({ defaults: { profiles: [] } })

export function listProfiles(): Profile[] {
  return store.get('profiles')
}

export function getProfile(id: string): Profile {
  const p = store.get('profiles').find((x) => x.id === id)
  if (!p) throw new Error(`unknown connection profile ${id}`)
  return p
}
