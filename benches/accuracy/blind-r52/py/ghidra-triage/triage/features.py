"""Feature extraction from a Ghidra program opened through pyhidra."""

SUSPICIOUS_IMPORTS = {
    "VirtualAllocEx",
    "WriteProcessMemory",
    "CreateRemoteThread",
    "SetWindowsHookExA",
    "SetWindowsHookExW",
    "CryptEncrypt",
    "InternetOpenUrlA",
    "URLDownloadToFileW",
    "IsDebuggerPresent",
    "NtUnmapViewOfSection",
}


def extract(flat_api):
    program = flat_api.getCurrentProgram()
    functions = program.getFunctionManager()
    symbols = program.getSymbolTable()

    imports = sorted({str(sym.getName()) for sym in symbols.getExternalSymbols()})
    sections = [
        (str(block.getName()), int(block.getSize()), bool(block.isExecute()))
        for block in program.getMemory().getBlocks()
    ]
    thunks = sum(1 for fn in functions.getFunctions(True) if fn.isThunk())

    return {
        "sha256": str(program.getExecutableSHA256()),
        "language": str(program.getLanguageID()),
        "compiler": str(program.getCompilerSpec().getCompilerSpecID()),
        "function_count": int(functions.getFunctionCount()),
        "thunk_count": thunks,
        "imports": imports,
        "suspicious_imports": sorted(SUSPICIOUS_IMPORTS.intersection(imports)),
        "executable_sections": [name for name, _size, is_x in sections if is_x],
        "image_size": sum(size for _name, size, _x in sections),
    }
