-- Neovim (0.7 API) as a second real LSP client: starts `node dist/cli.js lsp --stdio` on a résumé and checks push
-- diagnostics, hover on a date range and document symbols. Run by scripts/e2e/run-nvim.sh:
--   VITA_REPO=<repo> VITA_RESUME=<file.resume> nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/smoke.lua'
-- Prints one line per check and exits 0, or prints FAIL: ... and exits 1.
local repo = assert(vim.env.VITA_REPO, 'VITA_REPO is not set')
local file = assert(vim.env.VITA_RESUME, 'VITA_RESUME is not set')
local TIMEOUT = 15000

local function out(line) io.stdout:write(line .. '\n') end
local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'resume' -- the languageId sent in didOpen

  local client_id = vim.lsp.start_client({
    name = 'vita',
    cmd = { 'node', repo .. '/dist/cli.js', 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  if not client_id then return fail('vim.lsp.start_client returned nil') end
  if not vim.lsp.buf_attach_client(buf, client_id) then return fail('buf_attach_client failed') end
  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(buf)

  -- 1. Diagnostics are pushed (Neovim 0.7 has no pull diagnostics).
  local function code_of(d)
    return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  end
  local function has_glyph()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == 'bullet-stray-glyph' then return true end
    end
    return false
  end
  if not vim.wait(TIMEOUT, has_glyph, 20) then
    return fail('no bullet-stray-glyph diagnostic within ' .. TIMEOUT .. ' ms; got ' .. #vim.diagnostic.get(buf) .. ' diagnostics')
  end
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    out(string.format('DIAG %d:%d %s(%s) %s', d.lnum + 1, d.col + 1, d.source or '?', tostring(code_of(d)), d.message))
  end

  -- 2. Hover on a date range returns something.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local date_line
  for i, line in ipairs(lines) do
    if line:find('Jan 2019', 1, true) then date_line = i - 1; break end
  end
  if not date_line then return fail('no "Jan 2019" date range in ' .. file) end
  local col = lines[date_line + 1]:find('Jan 2019', 1, true) -- ASCII before it, so bytes = UTF-16 units
  local res = client.request_sync('textDocument/hover',
    { textDocument = { uri = uri }, position = { line = date_line, character = (col - 1) + 2 } }, TIMEOUT, buf) -- on the "n" of Jan
  if not res or res.err then return fail('hover request failed: ' .. vim.inspect(res)) end
  local contents = res.result and res.result.contents
  local text = ''
  if type(contents) == 'string' then text = contents
  elseif type(contents) == 'table' and contents.value then text = contents.value
  elseif type(contents) == 'table' then
    for _, c in ipairs(contents) do text = text .. (type(c) == 'string' and c or c.value or '') .. '\n' end
  end
  if text == '' then return fail('hover on the date range "Jan 2019 – Mar 2021" returned nothing') end
  out('HOVER ' .. text:gsub('%s+', ' '))

  -- 3. Document symbols list the sections.
  res = client.request_sync('textDocument/documentSymbol', { textDocument = { uri = uri } }, TIMEOUT, buf)
  if not res or res.err or not res.result then return fail('documentSymbol request failed: ' .. vim.inspect(res)) end
  local names = {}
  local function collect(symbols)
    for _, s in ipairs(symbols) do
      table.insert(names, s.name)
      if s.children then collect(s.children) end
    end
  end
  collect(res.result)
  out('SYMBOLS ' .. table.concat(names, ' | '))
  for _, section in ipairs({ 'experience', 'education', 'skills' }) do
    local found = false
    for _, name in ipairs(names) do
      if name:lower():find(section, 1, true) then found = true end
    end
    if not found then return fail('no document symbol for the ' .. section .. ' section') end
  end

  client.stop()
  vim.wait(3000, function() return client.is_stopped() end, 20)
  out('PASS')
  vim.cmd('qall!')
end

local ok, err = pcall(main)
if not ok then fail(tostring(err)) end
