-- Started once per Neovim session; every command / autocmd below is one RPC.
local job = vim.fn.jobstart({ "nvim-ticket-plugin" }, { rpc = true })

vim.api.nvim_create_user_command("TicketSummary", function(o)
  print(vim.rpcrequest(job, "ticket_summary", o.args))
end, { nargs = 1 })

vim.api.nvim_create_user_command("TicketNotes", function(o)
  local notes = vim.rpcrequest(job, "ticket_notes", o.args)
  vim.fn.setqflist({}, " ", { title = "Notes " .. o.args, lines = notes })
  vim.cmd("copen")
end, { nargs = 1 })

vim.api.nvim_create_autocmd("BufWritePost", {
  pattern = { "*.rs", "*.ts", "*.py" },
  callback = function(ev)
    vim.rpcnotify(job, "buf_write_post", ev.file)
  end,
})
