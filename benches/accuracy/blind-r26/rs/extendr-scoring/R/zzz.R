.onLoad <- function(libname, pkgname) {
  ok <- connect_scoring_db(Sys.getenv("SCORING_PG_URL"))
  if (!ok) packageStartupMessage("churnscore: database not reachable yet")
}
