package com.acme.notes.data

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import uniffi.notes_core.Note
import uniffi.notes_core.NotesEngine

/** Application-scoped (Hilt @Singleton): one NotesEngine for the process. */
class NotesRepository(dbPath: String, baseUrl: String) {
    private val engine = NotesEngine(dbPath, baseUrl)

    suspend fun save(id: String, body: String) = withContext(Dispatchers.IO) { engine.saveNote(id, body) }
    suspend fun list(): List<Note> = withContext(Dispatchers.IO) { engine.listNotes() }
    suspend fun sync(): UInt = withContext(Dispatchers.IO) { engine.sync() }
    fun signIn(token: String) = engine.setToken(token)
}
