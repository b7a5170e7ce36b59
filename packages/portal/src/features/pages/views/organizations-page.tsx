import type { OrganizationNode, OrganizationTree } from '../organization-tree.ts';
import { href, withQuery, type PageContext } from '../page-context.ts';
import { Chinese } from './common.tsx';
import { Layout } from './layout.tsx';

/** 機關: the agencies that publish, as a 中央/地方 tree with dataset counts. */

function NodeList({ ctx, nodes }: { ctx: PageContext; nodes: OrganizationNode[] }) {
  return (
    <ul>
      {nodes.map((n) => (
        <li key={n.id}>
          <a href={href(ctx, `/organizations/${n.id}`)}>
            {n.nameZh === null ? n.name : <Chinese ctx={ctx} text={n.name} />}
          </a>{' '}
          <span class="muted">({ctx.m.organizations.count(n.datasets)})</span>
          {n.children.length > 0 ? <NodeList ctx={ctx} nodes={n.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function OrganizationsPage({ ctx, tree }: { ctx: PageContext; tree: OrganizationTree }) {
  const m = ctx.m.organizations;
  const empty = tree.central.length === 0 && tree.local.length === 0 && tree.unmatched.length === 0;
  return (
    <Layout ctx={ctx} title={m.title} section="organizations" crumbs={[{ label: m.title }]}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {empty ? <p>{m.none}</p> : null}
      {tree.central.length > 0 ? (
        <section aria-labelledby="central" class="tree">
          <h2 id="central">{m.central}</h2>
          <NodeList ctx={ctx} nodes={tree.central} />
        </section>
      ) : null}
      {tree.local.length > 0 ? (
        <section aria-labelledby="local" class="tree">
          <h2 id="local">{m.local}</h2>
          <NodeList ctx={ctx} nodes={tree.local} />
        </section>
      ) : null}
      {tree.unmatched.length > 0 ? (
        <section aria-labelledby="unmatched">
          <h2 id="unmatched">{m.unmatched}</h2>
          <p>{m.unmatchedIntro}</p>
          <ul>
            {tree.unmatched.map((u) => (
              <li key={u.publisher}>
                <a href={href(ctx, withQuery('/datasets', { agency: u.publisher }))}>
                  <Chinese ctx={ctx} text={u.publisher} />
                </a>{' '}
                <span class="muted">({m.count(u.count)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
