import router from '@adonisjs/core/services/router'

router.use([() => import('@adonisjs/core/bodyparser_middleware')])

export const middleware = router.named({
  warehouse: () => import('#middleware/warehouse_middleware'),
})
