import 'telefunc'

declare module 'telefunc' {
  namespace Telefunc {
    interface Context {
      userId: string | null
      sessionId: string | null
    }
  }
}
