-- Driven by tests/editors/test_neovim.py: nvim --headless -u NONE -c "luafile this" FILE
-- Starts budsjett-lint's server with Neovim's own LSP client, waits for the diagnostics,
-- applies the rule's fix (an action that is not a suppression; the preferred one if any) at the
-- first diagnostic that has one, and waits for the diagnostic to go.
-- Writes what it saw as JSON lines to $BUDSJETT_NVIM_OUT; exits 0 on success, 1 otherwise.
local out = assert(io.open(os.getenv("BUDSJETT_NVIM_OUT"), "w"))
local function say(t) out:write(vim.json.encode(t), "\n"); out:flush() end
local function fail(why) say({ error = why }); out:close(); vim.cmd("cquit 1") end

local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "budsjett-lint",
  cmd = { os.getenv("BUDSJETT_SERVER"), "server" },
  root_dir = vim.fn.getcwd(),
})
if not id then fail("the server did not start") end
vim.lsp.buf_attach_client(buf, id)

local function codes()
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(seen, d.code or "") end
  table.sort(seen)
  return seen
end

if not vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  fail("no diagnostics within 30 s")
end
say({ before = codes() })

local client = vim.lsp.get_client_by_id(id)
local target, action
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } }
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = range,
                   context = { diagnostics = {} } }
  local reply = client.request_sync("textDocument/codeAction", params, 10000, buf)
  for _, a in ipairs((reply and reply.result) or {}) do
    if a.edit and not a.title:match("^Suppress") and (a.isPreferred or not action) then
      target, action = d, a
    end
  end
  if action then break end
end
if not action then fail("no fix offered other than suppression") end
say({ fixing = target.code, title = action.title })
vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")

local line = target.lnum
local gone = vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == target.code and d.lnum == line then return false end
  end
  return true
end, 50)
say({ after = codes(), text = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1] })
out:close()
vim.lsp.stop_client(id)
if not gone then vim.cmd("cquit 1") end
vim.cmd("qall!")
