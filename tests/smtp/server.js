#!/usr/bin/env node
// A throw-away SMTP server for tests: accepts every mail on 127.0.0.1:<port> and appends it, as one JSON
// line {"envelopeFrom", "envelopeTo": [...], "raw": "<base64 of the message>"}, to <output file>.
// Prints "listening <port>" once ready. No TLS and no authentication: loopback only.
//   node tests/smtp/server.js <port> <output file> [--delay <ms>] [--hold <n>]
// --delay: a slow server; each mail waits this long after its data before it is stored and accepted.
// --hold: the n-th mail (counted from 1 over the server's life) is never answered: its line goes to
//   <output file>.held instead and the server waits for the client to go away (a crash test kills the
//   client while it waits for the reply). A mail whose client left before its reply is not stored,
//   as a real server does not deliver what it never confirmed.
'use strict';
const fs = require('fs');
const { SMTPServer } = require('smtp-server');

const [port, output, ...options] = process.argv.slice(2);
if (!port || !output) {
    console.error('usage: node server.js <port> <output file> [--delay <ms>] [--hold <n>]');
    process.exit(2);
}
const option = (name) => {
    const index = options.indexOf(name);
    return index >= 0 ? Number(options[index + 1]) : 0;
};
const delay = option('--delay');
const hold = option('--hold');
const closed = new Set();
let received = 0;

const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
        const chunks = [];
        stream.on('data', (chunk) => chunks.push(chunk));
        stream.on('end', () => {
            const line = JSON.stringify({
                envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                raw: Buffer.concat(chunks).toString('base64'),
            });
            received += 1;
            if (received === hold) {
                fs.writeFileSync(output + '.held.tmp', line + '\n');
                fs.renameSync(output + '.held.tmp', output + '.held'); // whole or not at all for the reader
                return; // no reply: the client waits until it is killed
            }
            const accept = () => {
                if (closed.has(session.id)) {
                    return; // the client left before the reply: nothing was accepted
                }
                // Written before the 250 reply, so a mail the client saw accepted is always in the file.
                fs.appendFileSync(output, line + '\n');
                callback();
            };
            if (delay > 0) {
                setTimeout(accept, delay);
            } else {
                accept();
            }
        });
    },
    onClose(session) {
        closed.add(session.id);
    },
});

server.on('error', (error) => console.error('smtp server error:', error.message));
server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${port}`));

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
