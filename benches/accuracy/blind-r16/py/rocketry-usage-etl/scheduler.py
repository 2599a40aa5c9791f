from rocketry import Rocketry

app = Rocketry(config={"task_execution": "thread"})
