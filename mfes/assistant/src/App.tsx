import { useSession } from '@carpeta/sdk/react';
import { useState } from 'react';
import { Chat } from './Chat.tsx';
import { Tickets } from './Tickets.tsx';

/** The route /ada: the conversation and, signed in, the citizen's incidents. */
export function App() {
  const session = useSession();
  const [version, setVersion] = useState(0);
  return (
    <div className="cp-stack">
      <Chat headingLevel={1} onTicketFiled={() => setVersion((value) => value + 1)} />
      {session.authenticated && <Tickets version={version} />}
    </div>
  );
}

/** The panel the shell opens from its header on any page: the conversation alone. */
export function Panel() {
  return <Chat headingLevel={2} />;
}
