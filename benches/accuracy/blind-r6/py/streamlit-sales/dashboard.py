"""Sales dashboard.  Run with: streamlit run dashboard.py"""
import io
import os
from datetime import date, timedelta

import boto3
import pandas as pd
import psycopg
import streamlit as st
from sqlalchemy import create_engine, text

st.set_page_config(page_title="Sales", layout="wide")

EXPORT_BUCKET = os.environ.get("EXPORT_BUCKET", "acme-sales-exports")


@st.cache_resource
def warehouse_engine():
    return create_engine(os.environ["WAREHOUSE_URL"], pool_size=20, max_overflow=30, pool_pre_ping=True)


@st.cache_data(ttl=300)
def load_sales(start: date, end: date, region: str) -> pd.DataFrame:
    query = text(
        "SELECT day, region, channel, revenue, orders "
        "FROM mart.daily_sales WHERE day BETWEEN :start AND :end "
        "AND (:region = 'All' OR region = :region) ORDER BY day"
    )
    with warehouse_engine().connect() as conn:
        return pd.read_sql(query, conn, params={"start": start, "end": end, "region": region})


# App database (targets, annotations) — written to from the sidebar.
conn = psycopg.connect(os.environ["APP_DB_URL"], autocommit=True)
s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))

with st.sidebar:
    st.header("Filters")
    end = st.date_input("To", date.today())
    start = st.date_input("From", end - timedelta(days=30))
    region = st.selectbox("Region", ["All", "EMEA", "AMER", "APAC"])
    target = st.number_input("Monthly revenue target", min_value=0, step=10_000)
    if st.button("Save target"):
        conn.execute(
            "INSERT INTO targets (region, month, revenue) VALUES (%s, %s, %s) "
            "ON CONFLICT (region, month) DO UPDATE SET revenue = EXCLUDED.revenue",
            (region, end.replace(day=1), target),
        )
        st.success("Target saved")

df = load_sales(start, end, region)

st.title("Sales overview")
c1, c2, c3 = st.columns(3)
c1.metric("Revenue", f"{df['revenue'].sum():,.0f}")
c2.metric("Orders", f"{df['orders'].sum():,}")
c3.metric("Avg order", f"{(df['revenue'].sum() / max(df['orders'].sum(), 1)):,.2f}")

st.line_chart(df.pivot_table(index="day", columns="channel", values="revenue", aggfunc="sum"))
st.dataframe(df, use_container_width=True)

if st.button("Export to S3"):
    buf = io.StringIO()
    df.to_csv(buf, index=False)
    key = f"exports/sales_{region}_{start}_{end}.csv"
    s3.put_object(Bucket=EXPORT_BUCKET, Key=key, Body=buf.getvalue().encode())
    st.info(f"Exported to s3://{EXPORT_BUCKET}/{key}")
