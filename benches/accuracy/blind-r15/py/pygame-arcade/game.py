"""Asteroid-dodger cabinet game with a local + chain-wide leaderboard."""
import os
import random

import pygame
import requests

from leaderboard import Leaderboard, connect_scores_db

WIDTH, HEIGHT = 800, 600


def main() -> None:
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Dodger")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 36)

    http = requests.Session()
    http.headers["X-Cabinet-Key"] = os.environ.get("CABINET_KEY", "")
    conn = connect_scores_db()
    board = Leaderboard(conn, http, os.environ.get("CABINET_ID", "cab-01"))
    top_scores = board.top()

    player = pygame.Rect(WIDTH // 2 - 20, HEIGHT - 60, 40, 40)
    rocks: list[pygame.Rect] = []
    score, alive, running = 0, True, True

    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_RETURN and not alive:
                rocks.clear()
                score, alive = 0, True

        if alive:
            keys = pygame.key.get_pressed()
            player.x += (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]) * 7
            player.clamp_ip(screen.get_rect())
            if random.random() < 0.05 + score / 50000:
                rocks.append(pygame.Rect(random.randint(0, WIDTH - 30), -30, 30, 30))
            for rock in rocks:
                rock.y += 6
            rocks = [r for r in rocks if r.y < HEIGHT]
            score += 1
            if player.collidelist(rocks) != -1:
                alive = False
                board.submit("AAA", score)
                top_scores = board.top()

        screen.fill((10, 10, 30))
        pygame.draw.rect(screen, (80, 200, 255), player)
        for rock in rocks:
            pygame.draw.rect(screen, (160, 160, 160), rock)
        screen.blit(font.render(f"Score {score}", True, (255, 255, 255)), (10, 10))
        if not alive:
            for i, (initials, best) in enumerate(top_scores):
                screen.blit(font.render(f"{i + 1}. {initials} {best}", True, (255, 220, 0)), (300, 200 + i * 40))
        pygame.display.flip()
        clock.tick(60)

    http.close()
    conn.close()
    pygame.quit()


if __name__ == "__main__":
    main()
