import { LoginForm } from "wasp/client/auth";

export function LoginPage() {
  return (
    <main style={{ maxWidth: 400, margin: "4rem auto" }}>
      <LoginForm />
    </main>
  );
}
