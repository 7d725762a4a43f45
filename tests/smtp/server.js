#!/usr/bin/env node
// A throw-away SMTP server for tests: accepts every mail on 127.0.0.1:<port> and appends it, as one JSON
// line {"envelopeFrom", "envelopeTo": [...], "raw": "<base64 of the message>"}, to <output file>.
// Prints "listening <port>" once ready. No TLS and no authentication: loopback only.
//   node tests/smtp/server.js <port> <output file>
'use strict';
const fs = require('fs');
const { SMTPServer } = require('smtp-server');

const [port, output] = process.argv.slice(2);
if (!port || !output) {
    console.error('usage: node server.js <port> <output file>');
    process.exit(2);
}

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
            // Written before the 250 reply, so a mail the client saw accepted is always in the file.
            fs.appendFileSync(output, line + '\n');
            callback();
        });
    },
});

server.on('error', (error) => console.error('smtp server error:', error.message));
server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${port}`));

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
