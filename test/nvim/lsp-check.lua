-- Headless Neovim (Debian bookworm: 0.7.2) as an independent LSP client of aws-notes-ls over --stdio.
-- Run through test/nvim/run.mjs (temp XDG dirs, timeout). Env:
--   AWS_NOTES_WS      the workspace folder (a copy of test/fixtures/workspace)
--   AWS_NOTES_LS      path to bin/aws-notes-ls.js          AWS_NOTES_NODE  node executable
--   AWS_NOTES_LOCALE  'en' (all checks) or 'ja' (the Japanese hover)
-- Exit: 0 all checks passed; N = number of failed checks (cquit N); 90+ = harness problem.
local root = assert(os.getenv('AWS_NOTES_WS'), 'AWS_NOTES_WS not set')
local server = assert(os.getenv('AWS_NOTES_LS'), 'AWS_NOTES_LS not set')
local node = os.getenv('AWS_NOTES_NODE') or 'node'
local locale = os.getenv('AWS_NOTES_LOCALE') or 'en'
local failures, passes = 0, 0

local function out(s) io.stdout:write(s .. '\n') end
local function check(name, ok, detail)
  if ok then passes = passes + 1; out('ok   - ' .. name)
  else failures = failures + 1; out('FAIL - ' .. name .. (detail and ('\n       ' .. tostring(detail):gsub('\n', '\n       ')) or '')) end
end
local function finish(code)
  out(string.format('RESULT: %d passed, %d failed', passes, failures))
  io.stdout:flush()
  vim.cmd(code == 0 and 'qall!' or ('cquit ' .. code))
end
local function contains(s, needle) return type(s) == 'string' and s:find(needle, 1, true) ~= nil end

-- 0-based line of the markdown heading starting with `title` (code fences skipped), from the file on disk
local function heading_line(path, title)
  if vim.fn.filereadable(path) == 0 then return nil end
  local fence = false
  for i, l in ipairs(vim.fn.readfile(path)) do
    if l:match('^%s*```') or l:match('^%s*~~~') then fence = not fence end
    if not fence then
      local text = l:match('^#+%s+(.*)$')
      if text and text:sub(1, #title) == title then return i - 1 end
    end
  end
  return nil
end

-- LSP position of `word` inside the first line of buffer `bufnr` that contains `context`
local function position_of(bufnr, context, word)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local c = l:find(context, 1, true)
    if c then
      local w = l:find(word, c, true)
      -- fixture lines used here are ASCII up to the word, so byte = UTF-16 offset
      return { line = i - 1, character = w - 1 + math.floor(#word / 2) }
    end
  end
  error('no line contains ' .. context)
end

local function hover_text(result)
  if not result or not result.contents then return '' end
  local c = result.contents
  if type(c) == 'string' then return c end
  if c.value then return c.value end
  local parts = {}
  for _, p in ipairs(c) do parts[#parts + 1] = type(p) == 'string' and p or (p.value or '') end
  return table.concat(parts, '\n')
end

local function request(bufnr, method, params)
  local results, err = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  if not results then return nil, 'request failed: ' .. tostring(err) end
  for _, r in pairs(results) do
    if r.error then return nil, vim.inspect(r.error) end
    return r.result, nil
  end
  return nil, 'no response'
end

local ok, err = pcall(function()
  local t0 = vim.loop.hrtime()
  local ms = function() return (vim.loop.hrtime() - t0) / 1e6 end
  local client_id = vim.lsp.start_client({
    name = 'aws-notes',
    cmd = { node, server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'workspace' } },
    -- answered for workspace/configuration (section "awsNotes") and sent as initializationOptions
    settings = { awsNotes = { hover = { maxSections = 3 } } },
    init_options = { hover = { maxSections = 3 } },
    before_init = function(params) params.locale = locale end,
    on_exit = function() end,
  })
  if not client_id then out('harness: could not start the server'); finish(91) end

  local function open(rel)
    vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. rel))
    local b = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(b, client_id)
    return b
  end

  local template = open('infra/template.yaml')
  local ready = vim.wait(15000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized == true
  end, 50)
  if not ready then out('harness: server did not initialize within 15 s'); finish(92) end
  out(string.format('server initialized after %.0f ms', ms()))

  -- hover on SQS; retried until the notes are indexed (bounded)
  local notes_header = locale == 'ja' and 'あなたのノート' or 'From your notes'
  local pos = position_of(template, 'pipeline - SQS queue', 'SQS')
  local text = ''
  local deadline = vim.loop.now() + 15000
  repeat
    local result = request(template, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(template) }, position = pos })
    text = hover_text(result)
    if contains(text, notes_header) then break end
    vim.wait(200)
  until vim.loop.now() > deadline
  out(string.format('hover %s after %.0f ms', contains(text, notes_header) and 'answered with notes' or 'still without notes', ms()))
  check('hover on SQS names Amazon Simple Queue Service', contains(text, 'Amazon Simple Queue Service'), text)
  check('hover on SQS has the "' .. notes_header .. '" section', contains(text, notes_header), text)
  check('hover on SQS links note sections with awsNotes.openSection', contains(text, 'command:awsNotes.openSection?'), text)
  check('hover on SQS quotes the SQS note', contains(text, 'SQS と Lambda でつくる非同期処理'), text)
  if locale == 'ja' then
    check('Japanese hover does not use the English header', not contains(text, 'From your notes'), text)
    finish(failures == 0 and 0 or failures)
    return
  end

  -- definition on SQS: note sections, first one a heading that names SQS; the SQS note's title among them
  local defs, derr = request(template, 'textDocument/definition', { textDocument = { uri = vim.uri_from_bufnr(template) }, position = pos })
  if defs and defs.uri then defs = { defs } end
  defs = defs or {}
  check('definition on SQS returns locations', #defs > 0, derr or vim.inspect(defs))
  if #defs > 0 then
    local first = defs[1]
    local path = vim.uri_to_fname(first.uri or first.targetUri)
    local line = (first.range or first.targetSelectionRange).start.line
    local lines = vim.fn.filereadable(path) == 1 and vim.fn.readfile(path) or {}
    local l = lines[line + 1] or ''
    check('first definition is a heading line naming SQS', l:match('^#+%s') ~= nil and contains(l, 'SQS'),
      path .. ':' .. line .. ': ' .. l)
    local note = root .. '/notes/messaging/sqs-lambda.md'
    local want = heading_line(note, 'SQS と Lambda でつくる非同期処理')
    local found = false
    for _, d in ipairs(defs) do
      local p = vim.uri_to_fname(d.uri or d.targetUri)
      if p == note and (d.range or d.targetSelectionRange).start.line == want then found = true end
    end
    check('definition includes notes/messaging/sqs-lambda.md line ' .. tostring(want), found, vim.inspect(defs))
  end

  -- workspace symbols: a Japanese substring finds the heading, at its line
  local syms, serr = request(template, 'workspace/symbol', { query = '可視性' })
  syms = syms or {}
  local note = root .. '/notes/messaging/sqs-lambda.md'
  local want = heading_line(note, '可視性タイムアウトの決め方')
  local hit
  for _, s in ipairs(syms) do
    if contains(s.name, '可視性タイムアウトの決め方') then hit = s end
  end
  check('workspace/symbol "可視性" finds 可視性タイムアウトの決め方', hit ~= nil, serr or vim.inspect(syms))
  if hit then
    check('  ... in notes/messaging/sqs-lambda.md', vim.uri_to_fname(hit.location.uri) == note, hit.location.uri)
    check('  ... at line ' .. tostring(want), hit.location.range and hit.location.range.start.line == want, vim.inspect(hit.location))
  end

  -- negative: no hover on a word that is not an AWS name
  local py = open('src/handler.py')
  local none = request(py, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(py) }, position = position_of(py, 'config = {', 'config') })
  check('no hover on `config` in handler.py', none == nil or hover_text(none) == '', vim.inspect(none))
  local none2 = request(py, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(py) }, position = position_of(py, 'BatchGetItem is not', 'BatchGetItem') })
  check('no hover on `BatchGetItem` in handler.py', none2 == nil or hover_text(none2) == '', vim.inspect(none2))

  out(string.format('checks done after %.0f ms', ms()))
  vim.lsp.stop_client(client_id)
  finish(failures == 0 and 0 or failures)
end)
if not ok then
  out('harness error: ' .. tostring(err))
  finish(93)
end
