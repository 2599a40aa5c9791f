import argparse
import os

from stable_baselines3 import PPO
from stable_baselines3.common.env_util import make_vec_env

from monitor import EpisodeRecorder


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--env", default="LunarLander-v2")
    ap.add_argument("--steps", type=int, default=2_000_000)
    ap.add_argument("--run-name", required=True)
    args = ap.parse_args()

    env = make_vec_env(args.env, n_envs=8, seed=0)
    model = PPO("MlpPolicy", env, n_steps=1024, batch_size=256, verbose=0)
    recorder = EpisodeRecorder(
        run_name=args.run_name,
        dsn=os.environ.get("RL_DSN", "postgresql://rl:rl@db.lan:5432/experiments"),
    )
    model.learn(total_timesteps=args.steps, callback=recorder, progress_bar=True)
    model.save(f"models/{args.run_name}")
    env.close()


if __name__ == "__main__":
    main()
