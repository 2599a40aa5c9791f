import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ReportsController = () => import('#controllers/reports_controller')
const SearchController = () => import('#controllers/search_controller')

router.get('/search', [SearchController, 'index'])

router
  .group(() => {
    router.get('/daily', [ReportsController, 'daily'])
    router.get('/revenue.csv', [ReportsController, 'revenueCsv']).use(middleware.warehouse())
  })
  .prefix('/reports')
