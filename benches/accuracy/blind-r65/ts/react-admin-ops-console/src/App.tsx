import { Admin, EditGuesser, ListGuesser, Resource, ShowGuesser } from 'react-admin'
import { dataProvider } from './dataProvider'
import { Dashboard } from './Dashboard'

export const App = () => (
  <Admin dataProvider={dataProvider} dashboard={Dashboard} title="Ops console">
    <Resource name="orders" list={ListGuesser} show={ShowGuesser} />
    <Resource name="customers" list={ListGuesser} edit={EditGuesser} />
    <Resource name="refunds" list={ListGuesser} />
  </Admin>
)
