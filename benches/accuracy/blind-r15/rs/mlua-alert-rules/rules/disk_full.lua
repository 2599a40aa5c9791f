return function(event)
  if event.kind ~= "disk" then return end
  local previous = last_value("disk.used_pct", event.host)
  if event.used_pct > 95 and (previous == nil or previous > 90) then
    raise_alert("disk_full", event.host, string.format("disk at %.1f%%", event.used_pct))
    notify({ text = event.host .. " disk almost full", severity = "page" })
  end
end
