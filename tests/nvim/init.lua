-- Headless Neovim as connlint's LSP client (tests/neovim.rs). The server command and the
-- project root come from the environment: CONNLINT_BIN, CONNLINT_ROOT.
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'rust' },
  callback = function(ev)
    local config = {
      name = 'connlint',
      cmd = { vim.env.CONNLINT_BIN, 'lsp' },
      root_dir = vim.env.CONNLINT_ROOT,
      -- The server's options, as an editor's configuration would send them (the defaults).
      init_options = { unsafeFixes = false, configPath = vim.NIL },
    }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = ev.buf })
    else
      -- Neovim 0.7: no vim.lsp.start.
      _G.connlint_client = _G.connlint_client or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(ev.buf, _G.connlint_client)
    end
  end,
})
