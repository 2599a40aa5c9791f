from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import login_user, logout_user
from sqlalchemy import select

from portal.db import Session
from portal.models import Operator

bp = Blueprint("auth", __name__, url_prefix="/auth")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        op = Session.scalars(select(Operator).where(Operator.email == request.form["email"])).first()
        # password check is delegated to the SSO proxy in front of us (X-Auth-Verified)
        if op and op.active and request.headers.get("X-Auth-Verified") == "1":
            login_user(op)
            return redirect(request.args.get("next") or url_for("admin.index"))
    return render_template("login.html")


@bp.route("/logout")
def logout():
    logout_user()
    return redirect(url_for("auth.login"))
