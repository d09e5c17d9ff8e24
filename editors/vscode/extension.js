// Starts `budsjett-lint server` for .budsjett files; the server does the rest.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

async function activate(context) {
  const command = vscode.workspace.getConfiguration("budsjett-lint").get("path", "budsjett-lint");
  const server = { command, args: ["server"], transport: TransportKind.stdio };
  client = new LanguageClient("budsjett-lint", "budsjett-lint", server, {
    documentSelector: [{ language: "budsjett" }],
  });
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
