"""AP invoice intake: watches an Outlook folder on the AP workstation.

Runs in the logged-in user's session (Task Scheduler, "At log on"), next
to a running Outlook, and pumps COM messages so Outlook can deliver
folder events.
"""
import logging
import sys
import time

import pythoncom
import win32com.client

import handlers

OL_FOLDER_INBOX = 6
WATCHED_FOLDER = "AP Invoices"


def open_folder(folder_name):
    outlook = win32com.client.Dispatch("Outlook.Application")
    namespace = outlook.GetNamespace("MAPI")
    inbox = namespace.GetDefaultFolder(OL_FOLDER_INBOX)
    return inbox.Folders[folder_name]


def main():
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        filename="invoice-intake.log",
    )
    pythoncom.CoInitialize()
    try:
        folder = open_folder(WATCHED_FOLDER)
        items = folder.Items
        sink = win32com.client.WithEvents(items, handlers.InboxEvents)
        logging.info("watching %s (%d items)", folder.FolderPath, items.Count)
        while True:
            pythoncom.PumpWaitingMessages()
            time.sleep(0.2)
    except KeyboardInterrupt:
        return 0
    finally:
        handlers.vendor_api.close()
        pythoncom.CoUninitialize()


if __name__ == "__main__":
    sys.exit(main())
