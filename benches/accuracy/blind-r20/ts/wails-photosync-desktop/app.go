package main

import (
	"context"
	"sync/atomic"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

type App struct {
	ctx    context.Context
	queue  atomic.Int64
	paused atomic.Bool
}

func NewApp() *App { return &App{} }

func (a *App) startup(ctx context.Context) { a.ctx = ctx }

func (a *App) shutdown(ctx context.Context) {}

func (a *App) StartSync() {
	a.paused.Store(false)
	runtime.EventsEmit(a.ctx, "sync:progress", map[string]any{"file": "", "done": 0, "total": a.queue.Load()})
}

func (a *App) PauseSync() { a.paused.Store(true) }

func (a *App) GetQueueDepth() int64 { return a.queue.Load() }
