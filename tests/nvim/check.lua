-- Drives connlint's language server from headless Neovim and prints what the editor saw as JSON
-- (tests/neovim.rs asserts on it). Steps:
--   (always) the client's offers (UTF-8? pull?), the encoding it got, the diagnostics pushed;
--   route:   open a route whose client factory is in an unopened file: its diagnostics (code,
--            position, severity, related files);
--   clock:   open a component whose effect leaks an interval; apply the "Fix:" code action
--            (its title and kind); the finding is gone; the buffer text after the fix;
--   ignore:  re-add the leak; apply "Ignore … on this line"; the buffer; the finding is gone;
--   pool:    hover on lib/mongodb.ts's client: its share of its database's budget;
--   dup:     two modules keeping a MongoDB client: the first shows duplicate-client-module;
--            deleting the client from the second buffer clears the first;
--   fixall:  a stale suppression (unused-suppression) in a new buffer: apply
--            source.fixAll.connlint; the buffer after it; its findings are gone;
--   cross:   apply the route's "Fix:", which edits the unopened lib/db.ts: the route's finding
--            is gone; lib/db.ts's buffer after it.
-- Any Lua error ends the run at once with `error` set.
local v = vim.version()
local out = { nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch) }
local function emit()
  io.stdout:write(vim.json.encode(out) .. '\n')
  vim.cmd('qa!')
end
local function fail(msg)
  out.error = msg
  emit()
end

-- What the client offers (the server must pick UTF-8 when offered, and push only to clients
-- that do not pull) and how many diagnostics the server pushed.
local caps = vim.lsp.protocol.make_client_capabilities()
out.offers_utf8 = caps.general ~= nil and vim.tbl_contains(caps.general.positionEncodings or {}, 'utf-8')
out.pulls = caps.textDocument.diagnostic ~= nil
out.pushes = 0
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(...)
  out.pushes = out.pushes + 1
  return publish(...)
end

local function codes(buf)
  local r = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    local related = {}
    for _, info in ipairs(lsp.relatedInformation or {}) do
      table.insert(related, vim.uri_to_fname(info.location.uri))
    end
    table.insert(r, {
      code = d.code, lnum = d.lnum, col = d.col, source = d.source, severity = d.severity,
      related = related,
    })
  end
  table.sort(r, function(a, b) return a.code < b.code end)
  return r
end
local function has(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then return true end
  end
  return false
end
local function wait(pred) return vim.wait(15000, pred, 50) end
local function client_of(buf)
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  return get({ bufnr = buf })[1]
end

-- The files a WorkspaceEdit changes, relative to the project.
local function edited_files(edit)
  local files = {}
  for uri, _ in pairs(edit.changes or {}) do table.insert(files, uri) end
  for _, change in ipairs(edit.documentChanges or {}) do
    if change.textDocument then table.insert(files, change.textDocument.uri) end
  end
  for i, uri in ipairs(files) do
    files[i] = vim.uri_to_fname(uri):sub(#vim.env.CONNLINT_ROOT + 2)
  end
  table.sort(files)
  return files
end

-- Apply the code action whose title starts with `prefix` at the last finding `code` of `buf`
-- (asking for the kinds `only`, when given); what it was and which files it edited.
local function apply_action(buf, code, prefix, only)
  local diag
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then diag = d end
  end
  if not diag then return 'no ' .. code .. ' diagnostic' end
  local client = client_of(buf)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = {
      start = { line = diag.lnum, character = 0 },
      ['end'] = { line = diag.end_lnum or diag.lnum, character = 0 },
    },
    context = { diagnostics = { diag.user_data and diag.user_data.lsp or {} }, only = only },
  }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  for _, r in pairs(res or {}) do
    for _, action in ipairs(r.result or {}) do
      if action.title:sub(1, #prefix) == prefix then
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
        return nil, { title = action.title, kind = action.kind, files = edited_files(action.edit) }
      end
    end
  end
  return 'no code action starting with ' .. prefix
end

-- The steps; a Lua error anywhere is reported at once (headless Neovim would otherwise wait
-- for input until the test's timeout).
local function main()
  local root = vim.env.CONNLINT_ROOT

  -- route
  vim.cmd('edit ' .. root .. '/app/api/users/route.ts')
  local route = vim.api.nvim_get_current_buf()
  if not wait(function() return #vim.diagnostic.get(route) > 0 end) then return fail('no diagnostics for the route') end
  out.route = codes(route)
  out.encoding = client_of(route).offset_encoding

  -- clock: quick fix
  vim.cmd('edit ' .. root .. '/app/clock.tsx')
  local clock = vim.api.nvim_get_current_buf()
  if not wait(function() return has(clock, 'effect-missing-cleanup') end) then return fail('no effect-missing-cleanup') end
  out.clock_before = codes(clock)
  local err
  err, out.fix_action = apply_action(clock, 'effect-missing-cleanup', 'Fix:')
  if err then return fail(err) end
  out.clock_fixed_text = table.concat(vim.api.nvim_buf_get_lines(clock, 0, -1, false), '\n')
  out.clock_after_fix_cleared = wait(function() return not has(clock, 'effect-missing-cleanup') end)

  -- ignore: put the leak back (undo the fix), then ignore it on its line
  vim.cmd('silent! undo')
  if not wait(function() return has(clock, 'effect-missing-cleanup') end) then return fail('the finding did not come back after undo') end
  err, out.ignore_action = apply_action(clock, 'effect-missing-cleanup', 'Ignore')
  if err then return fail(err) end
  out.ignore_text = table.concat(vim.api.nvim_buf_get_lines(clock, 0, -1, false), '\n')
  out.ignore_cleared = wait(function() return not has(clock, 'effect-missing-cleanup') end)

  -- dup: a second buffer changes the first's project findings
  vim.cmd('edit ' .. root .. '/lib/mongodb.ts')
  local first = vim.api.nvim_get_current_buf()
  if not wait(function() return has(first, 'hot-reload-client') end) then return fail('no diagnostics for lib/mongodb.ts') end
  out.dup_alone = has(first, 'duplicate-client-module')
  -- pool: hover on the module's client shows its share of its database's budget
  local hover = vim.lsp.buf_request_sync(first, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(first) },
    position = { line = 2, character = 26 },
  }, 10000)
  local md = ''
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then md = md .. (r.result.contents.value or '') end
  end
  out.pool_hover = md
  vim.cmd('edit ' .. root .. '/lib/mongo.ts')
  local second = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(second, 0, -1, false, {
    'import { MongoClient } from "mongodb";',
    '',
    'export const client = new MongoClient(process.env.MONGODB_URI!);',
  })
  out.dup_with_second = wait(function() return has(first, 'duplicate-client-module') end)
  out.dup_first = codes(first)
  vim.api.nvim_buf_set_lines(second, 0, -1, false, { 'export const x = 1;' })
  out.dup_cleared = wait(function() return not has(first, 'duplicate-client-module') end)

  -- fixall: a stale suppression in a new buffer; source.fixAll.connlint removes it
  vim.cmd('edit ' .. root .. '/app/stale.ts')
  local stale = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(stale, 0, -1, false, {
    'export function f() {',
    '  // connlint-ignore: per-request-client',
    '  return 1;',
    '}',
  })
  if not wait(function() return has(stale, 'unused-suppression') end) then return fail('no unused-suppression') end
  out.stale_before = codes(stale)
  err, out.fixall_action = apply_action(stale, 'unused-suppression', '', { 'source.fixAll.connlint' })
  if err then return fail(err) end
  out.stale_text = table.concat(vim.api.nvim_buf_get_lines(stale, 0, -1, false), '\n')
  out.stale_cleared = wait(function() return #vim.diagnostic.get(stale) == 0 end)

  -- cross: the route's fix edits lib/db.ts, which is not open; Neovim opens it to apply the
  -- edit, and the route's finding goes away
  vim.cmd('buffer ' .. route)
  err, out.cross_action = apply_action(route, 'per-request-client', 'Fix:')
  if err then return fail(err) end
  local db = vim.fn.bufnr(root .. '/lib/db.ts')
  out.db_text = db > 0 and table.concat(vim.api.nvim_buf_get_lines(db, 0, -1, false), '\n') or vim.NIL
  out.cross_cleared = wait(function() return not has(route, 'per-request-client') end)
  emit()
end

local ok, trace = xpcall(main, debug.traceback)
if not ok then fail(trace) end
