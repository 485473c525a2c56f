import { Layout, type PageContext } from './layout.js';

export function NotFoundPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Siden findes ikke">
      <h1>Siden findes ikke</h1>
      <p>Vi kan ikke finde den side, du leder efter. Tjek adressen, eller gå til forsiden.</p>
      <p>
        <a href="/">Gå til forsiden</a>
      </p>
    </Layout>
  );
}

export function ErrorPage({ ctx, status, heading, message, reference }: { ctx: PageContext; status: number; heading: string; message: string; reference?: string }) {
  return (
    <Layout ctx={ctx} title={heading}>
      <h1>{heading}</h1>
      <p>{message}</p>
      {reference ? (
        <p>
          Oplys denne fejlreference, hvis du kontakter support: <strong class="helhed-mono">{reference}</strong>
        </p>
      ) : null}
      <p class="d-print-none">
        <a href="/">Gå til forsiden</a>
      </p>
      <p class="sr-only">Statuskode {status}</p>
    </Layout>
  );
}
