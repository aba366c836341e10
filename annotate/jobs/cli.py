"""The job worker as a process of its own: for sites that keep long work off the web processes."""
import click
from flask import current_app

from annotate.jobs import runner


@click.command("jobs-worker")
@click.option("--once", is_flag=True, help="Run the queued jobs, then exit (default: keep polling).")
def jobs_worker_command(once: bool):
    """Run queued jobs (large imports, very large articles). Set JOBS_IN_PROCESS to false in the web
    processes' settings when dedicated workers run them."""
    if once:
        click.echo(f"Ran {runner.run_pending()} job(s).")
        return
    click.echo("Waiting for jobs (Ctrl-C stops).")
    runner.work_forever(current_app._get_current_object())


COMMANDS = (jobs_worker_command,)
