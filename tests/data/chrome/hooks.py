"""What the thinka plugin does in on_env, for the chrome's test build (no data plugin there)."""

from thinka.engine.chrome_texts import install


def on_env(env, config, files):
    return install(env)
